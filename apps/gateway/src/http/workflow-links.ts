import { Type } from '@sinclair/typebox';

/** Links carried by every response that concerns a workflow. */
export const WorkflowLinksSchema = Type.Object(
  {
    temporalUi: Type.String({
      format: 'uri',
      description: 'The workflow execution in the Temporal Web UI',
    }),
  },
  { additionalProperties: false },
);
