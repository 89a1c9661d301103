/** Household poverty review (issue 5): pure domain and Excel in/out. */
export * from './standards';
export * from './classify';
export * from './household';
export * from './changes';
export * from './communes';
export * from './summary';
export * from './errors';
export { VI_TEMPLATES, renderVi, formatProblemVi, problem, type Problem } from './messages';
export * from './excel/cells';
export * from './excel/columns';
export * from './excel/import';
export * from './excel/rejected';
export * from './excel/write';
export { generateHouseholds, nextYearHouseholds, sampleBadCells, seededRng, villagesFor, type GenerateOptions, type BadCellKind } from './generate';
