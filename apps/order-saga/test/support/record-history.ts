import { workflowHistories } from '@commerce/test-kit/histories';

/** test/workflows/histories: RECORD_HISTORIES=1 (re)writes them; the replay test replays them. */
export const sagaHistories = workflowHistories(new URL('../workflows/histories/', import.meta.url));
export const { record: recordHistory } = sagaHistories;
