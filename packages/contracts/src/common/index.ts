// Workflow-safe root entry of the shared contract types: types only, no runtime imports.
export type {
  Address,
  Currency,
  Customer,
  Money,
  OrderLine,
  OrderTotals,
  Problem,
  Timestamp,
} from './schemas.js';
