// The floor of the order benchmark: a bare workflow answering an update-with-start after the same
// number of activities the order saga runs before its early answer (hold stock, confirm the hold,
// authorize the payment). Bundled and run by the benchmark's own in-process worker.
import { condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

export interface FloorActivities {
  step(input: { n: number }): Promise<number>;
}

export const FLOOR_ACTIVITY_COUNT = 3;
export const floorAnswerUpdate = defineUpdate<number>('floorAnswer');

const { step } = proxyActivities<FloorActivities>({ startToCloseTimeout: '10 seconds' });

export async function benchOrderFloorWorkflow(): Promise<number> {
  let done = 0;
  setHandler(floorAnswerUpdate, async () => {
    await condition(() => done === FLOOR_ACTIVITY_COUNT);
    return done;
  });
  for (let n = 0; n < FLOOR_ACTIVITY_COUNT; n++) done = (await step({ n })) + 1;
  return done;
}
