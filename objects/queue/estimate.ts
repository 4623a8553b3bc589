// Estimated waiting time: people ahead times the time one client takes, shared by the desks that serve the matter.

/** Observed service times are used once there are this many today. */
export const MIN_SAMPLES = 3;
/** Only the most recent services count, so the estimate follows the pace of the day. */
export const MAX_SAMPLES = 20;

export interface EstimateInput {
  /** People ahead in the same queue. */
  ahead: number;
  /** Expected minutes per client from the configuration. */
  serviceMinutes: number;
  /** Open (not paused) desks that serve the matter. */
  openDesks: number;
  /** Service durations observed today for the matter, in ms, oldest first. */
  observedMs?: readonly number[];
}

export function averageServiceMinutes(serviceMinutes: number, observedMs: readonly number[] = []): number {
  if (observedMs.length < MIN_SAMPLES) return serviceMinutes;
  const recent = observedMs.slice(-MAX_SAMPLES);
  return recent.reduce((s, x) => s + x, 0) / recent.length / 60000;
}

/** Whole minutes, rounded up; 0 when nobody is ahead. */
export function estimateWaitMinutes(input: EstimateInput): number {
  if (input.ahead <= 0) return 0;
  const perClient = averageServiceMinutes(input.serviceMinutes, input.observedMs);
  const desks = Math.max(1, input.openDesks);
  return Math.ceil((input.ahead * perClient) / desks);
}
