import { Type } from '@sinclair/typebox';

/** The querystring of routes that take none: any parameter is rejected rather than ignored. */
export const NoQuerySchema = Type.Object(
  {},
  { additionalProperties: false, description: 'No query parameters' },
);
