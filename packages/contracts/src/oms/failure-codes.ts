// OMS's contribution to the gateway's failure table: which public error code an ApplicationFailure
// type raised by orderWorkflow's update validators and activities stands for. Pure data,
// workflow-safe; the gateway's error catalogue keeps each code's HTTP status and title.
import type { OmsFailureType } from './index.js';

export const OMS_FAILURE_CODES = {
  InvalidOrderStatusTransitionError: 'invalid_order_status_transition',
  ReturnNotAllowedError: 'return_not_allowed',
  ReturnNotFoundError: 'return_not_found',
  InvalidReturnError: 'invalid_return',
  OrderNotFoundError: 'order_not_found',
  InvalidOmsInputError: 'invalid_oms_input',
} as const satisfies { readonly [T in OmsFailureType]?: string };
