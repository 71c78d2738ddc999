// SCAFFOLD: replaced by the milestone job (issue 4). The only importer of node-cron.
import type { FeatureDeps } from '../features/deps.ts';

export interface Scheduler {
  stop(): Promise<void>;
}

export async function startScheduler(_deps: FeatureDeps): Promise<Scheduler> {
  return { stop: async () => {} };
}
