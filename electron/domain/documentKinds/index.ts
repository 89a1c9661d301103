export {
  DOCUMENT_KINDS,
  LOCAL_KINDS,
  SO_KINDS,
  OFFICE_KINDS,
  SO_TO_OFFICE_KINDS,
  PER_OFFICE_KINDS,
  checkDocument,
  kindSpec,
  parseData,
  type DataOf,
  type KindSpec,
  type ShapeProblem,
  type SoSends,
  type Writers,
} from './registry';
export * from './transport';
