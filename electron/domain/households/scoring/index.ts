export * from './schema';
export * from './score';
