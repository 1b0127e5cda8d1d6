// Workflow-safe root entry of the shared contract types: types only, no runtime imports.
export type { Currency, Money, Timestamp, Problem } from './schemas.js';
