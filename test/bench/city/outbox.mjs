// The citizens' phones for booking codes: the demo outbox (GET /api/v1/dev/outbox) holds every SMS the
// demo "sent"; one reader per site polls it while some citizen of that site waits for a code.
import { api, sleep } from "../clients.mjs";

const POLL_MS = 300;
const GIVE_UP_MS = 60_000;

export function createOutbox(base) {
  /** site id → (recipient → { resolve, reject, since }) */
  const waiting = new Map();
  const readers = new Map();

  async function read(siteId) {
    const mine = waiting.get(siteId);
    while (mine.size > 0) {
      const { messages } = await api(base, `/api/v1/dev/outbox?siteId=${siteId}&limit=200`).catch((e) => ({ messages: [], error: e }));
      const seen = new Set();
      for (const m of messages) {
        if (m.kind !== "code" || seen.has(m.to)) continue; // newest first
        seen.add(m.to);
        const code = /\b(\d{6})\b/.exec(m.body)?.[1];
        const who = mine.get(m.to);
        if (code && who) {
          mine.delete(m.to);
          who.resolve(code);
        }
      }
      for (const [to, who] of mine)
        if (performance.now() - who.since > GIVE_UP_MS) {
          mine.delete(to);
          who.reject(new Error(`no code for ${to} in the outbox after ${GIVE_UP_MS / 1000} s`));
        }
      await sleep(POLL_MS);
    }
    readers.delete(siteId);
  }

  return {
    /** The code texted to `to` (+48…) for a hold at `siteId`. */
    codeFor(siteId, to) {
      if (!waiting.has(siteId)) waiting.set(siteId, new Map());
      const p = new Promise((resolve, reject) => waiting.get(siteId).set(to, { resolve, reject, since: performance.now() }));
      if (!readers.has(siteId)) readers.set(siteId, read(siteId));
      return p;
    },
  };
}
