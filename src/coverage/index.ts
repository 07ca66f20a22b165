// Public surface of the coverage engine (pure TS: runs in a Web Worker, in the app and in Node).
export { createCoverageIndex, computeCoverage, type CoverageIndex, type EngineTuning } from './engine';
export { normalizeOptions } from './plan-filter';
export { coverageToCsv, type CsvOptions } from './csv';
export * from './types';
