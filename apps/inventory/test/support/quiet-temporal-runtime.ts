import { createLogger } from '@commerce/logging';
import { installTemporalRuntime } from '@commerce/worker-runtime';

/** As in main.ts, the SDK logs through pino; tests keep only its warnings. */
export function installQuietTemporalRuntime(): void {
  installTemporalRuntime(createLogger({ name: 'inventory-test', level: 'warn' }));
}
