// Reconnection delays: exponential backoff with "equal jitter" (half fixed, half random), so a
// restarted server is not hit by every screen and every site's agent in the same second.
// Shared by the live sockets of the browser clients and of the print agent (live-socket.ts).
export function backoffDelay(attempt: number, minMs: number, maxMs: number, random: () => number = Math.random): number {
  const cap = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 30));
  return Math.round(cap / 2 + random() * (cap / 2));
}
