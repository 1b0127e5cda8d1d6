import { ADJUST_STOCK_WORKFLOW } from '@commerce/contracts/inventory';
import { AdjustStockInputSchema } from '@commerce/contracts/inventory/schemas';
import { createTestClient, type TestClient } from '@commerce/test-kit/temporal';
import { Value } from '@sinclair/typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/eventually.js';
import { ADMIN_HEADERS, createGatewayHarness, type GatewayHarness } from './support/gateway-harness.js';
import { expectProblem } from './support/problem-assertions.js';

const SKU = 'REASON-LEN-SKU-1';
const EMOJI = '📦'; // one code point, two UTF-16 code units

/**
 * The gateway counts string lengths as the workers' TypeBox checks do (UTF-16 code units), so a
 * `reason` the inventory worker would refuse is refused at the gateway before a workflow starts.
 */
describe('string lengths: the gateway counts like the workers', () => {
  let h: GatewayHarness;
  let temporal: TestClient;
  beforeAll(async () => {
    // No inventory worker: an accepted request starts its workflow and times out waiting (504).
    h = await createGatewayHarness({ workflowResultTimeoutMs: 1_500 });
    temporal = await createTestClient();
  });
  afterAll(async () => {
    await h.close();
    await temporal.close();
  });

  const put = (reason: string) =>
    h.app.inject({
      method: 'PUT',
      url: `/v1/admin/inventory/${SKU}`,
      headers: { ...ADMIN_HEADERS, 'content-type': 'application/json' },
      payload: JSON.stringify({ onHand: 5, reason }),
    });
  const adjustInput = (reason: string) => ({
    adjustmentId: 'a1',
    sku: SKU,
    onHand: 5,
    reason,
    actor: 'admin',
  });
  const adjustWorkflows = async () => {
    const found: { workflowId: string; reason: string }[] = [];
    for await (const wf of temporal.client.workflow.list({
      query: `WorkflowType = '${ADJUST_STOCK_WORKFLOW}'`,
    })) {
      const handle = temporal.client.workflow.getHandle(wf.workflowId, wf.runId);
      const history = await handle.fetchHistory();
      const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
      const payload = started?.input?.payloads?.[0]?.data;
      const input = payload ? (JSON.parse(Buffer.from(payload).toString('utf8')) as { sku: string; reason: string }) : undefined;
      if (input?.sku === SKU) found.push({ workflowId: wf.workflowId, reason: input.reason });
    }
    return found;
  };

  it('refuses a reason of 300 emoji (600 code units > maxLength 500) with 400 before starting anything', async () => {
    const tooLong = EMOJI.repeat(300);
    // The worker's own check (TypeBox, the same contract schema) refuses it ...
    expect(Value.Check(AdjustStockInputSchema, adjustInput(tooLong))).toBe(false);
    // ... and so does the gateway now, naming the field.
    const refused = await put(tooLong);
    const problem = expectProblem(refused, 400, 'validation_failed');
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: '/body/reason' }) as unknown,
    ]);

    // 250 emoji (500 code units) is within both limits: the gateway starts the workflow (no
    // worker polls, so the wait ends in 504) — the only adjustment workflow of this SKU.
    const withinLimit = EMOJI.repeat(250);
    expect(Value.Check(AdjustStockInputSchema, adjustInput(withinLimit))).toBe(true);
    expectProblem(await put(withinLimit), 504, 'workflow_timeout');
    const started = await eventually(adjustWorkflows, (list) => list.length > 0, {
      what: 'the accepted adjustment in visibility',
    });
    expect(started.map((w) => w.reason)).toEqual([withinLimit]);
    for (const w of started) {
      await temporal.client.workflow.getHandle(w.workflowId).terminate('test cleanup');
    }
  });

  it('still accepts 500 single-unit characters and refuses 501', async () => {
    expectProblem(await put('x'.repeat(501)), 400, 'validation_failed');
    expect(Value.Check(AdjustStockInputSchema, adjustInput('x'.repeat(501)))).toBe(false);
    expect(Value.Check(AdjustStockInputSchema, adjustInput('x'.repeat(500)))).toBe(true);
  });
});
