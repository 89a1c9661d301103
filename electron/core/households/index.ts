/** Household poverty review (issue 5): pure domain and Excel in/out. */
export * from '../../domain/households/standards';
export * from '../../domain/households/classify';
export * from '../../domain/households/household';
export * from '../../domain/households/changes';
export * from '../../domain/households/communes';
export * from '../../domain/households/summary';
export * from '../../domain/households/errors';
export { renderVi, formatProblemVi, problem, type Problem } from '../../domain/households/messages';
export * from './excel/cells';
export * from './excel/columns';
export * from './excel/import';
export * from './excel/rejected';
export * from './excel/write';
export { generateHouseholds, nextYearHouseholds, sampleBadCells, seededRng, villagesFor, type GenerateOptions, type BadCellKind } from './generate';
