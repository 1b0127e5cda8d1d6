import type { ProjectorStats } from '@commerce/contracts/inventory';

export function initialProjectorStats(): ProjectorStats {
  return { runs: 0, signalsReceived: 0, passes: 0, skusProjected: 0, sweeps: 0, holdsExpired: 0, driftHealed: 0 };
}
