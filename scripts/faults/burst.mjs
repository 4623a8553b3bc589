// A burst of commands with a crash in the middle: the server is killed once `killAfter` commands
// have been answered and started again at once; every command is sent, and retried with its own
// Idempotency-Key, until it is answered. Every answer (first and retried) is kept for the tally.
import { untilAnswered } from "./http.mjs";

/**
 * `commands`: [{ key, path, options, id(body) }] run `width` at a time in order (or, with `lanes`,
 * each lane in its own order); `id` names the effect of an answer. Returns { answers, refused }.
 */
export async function burstWithCrash(server, lanes, { killAfter }) {
  const answers = [];
  const refused = [];
  let answered = 0;
  let crash = null;
  const crashOnce = () => {
    crash ??= (async () => {
      await server.kill();
      await server.restart();
    })();
  };
  await Promise.all(
    lanes.map(async (lane) => {
      for (const c of lane) {
        const r = await untilAnswered(server.base, c.path, { ...c.options, key: c.key }, 180_000);
        if (r.status >= 200 && r.status < 300) answers.push({ key: c.key, id: c.id(r.body) });
        else refused.push(`${c.key}: ${r.status} ${r.body?.error?.code ?? ""}`);
        if (++answered === killAfter) crashOnce();
      }
    }),
  );
  if (crash) await crash;
  return { answers, refused };
}

/** Sends every answered command once more with its key: the stored answer must come back. */
export async function replayAnswered(server, commands, answers) {
  const answeredKeys = new Set(answers.map((a) => a.key));
  const again = [];
  for (const c of commands) {
    if (!answeredKeys.has(c.key)) continue;
    const r = await untilAnswered(server.base, c.path, { ...c.options, key: c.key }, 60_000);
    if (r.status >= 200 && r.status < 300) again.push({ key: c.key, id: c.id(r.body) });
  }
  return again;
}
