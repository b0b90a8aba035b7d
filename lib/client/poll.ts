/**
 * How long to wait before the next status poll: quick at first, when an
 * analysis usually finishes, then slower so a long run costs few requests.
 * 500 ms, 750 ms, 1.1 s ... at most 5 s.
 */
export const FIRST_POLL_MS = 500;
export const POLL_FACTOR = 1.5;
export const MAX_POLL_MS = 5_000;

export function nextPollDelay(pollsSoFar: number): number {
  const delay = FIRST_POLL_MS * POLL_FACTOR ** Math.max(0, pollsSoFar);
  return Math.min(MAX_POLL_MS, Math.round(delay));
}
