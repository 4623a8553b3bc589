// Lost and doubled, counted the same way in every row of the fault matrix.
//
// `answers`: every answer a command got, first and retried, as { key, id } (the command's
// Idempotency-Key, or another name of the command, and the id of what it made or touched).
// `stored`: the ids found in the site afterwards, one entry per time each is there (a ticket
// printed twice appears twice).
// Lost: a command that was answered but whose effect is not stored.
// Doubled: a command answered with two different effects, one effect claimed by two commands,
// an effect stored more than once, or a stored effect no answered command made.

/** @param {{ answers: { key: string, id: string }[], stored: string[] }} input */
export function tally({ answers, stored }) {
  const idsByKey = new Map();
  const keysById = new Map();
  for (const { key, id } of answers) {
    if (!idsByKey.has(key)) idsByKey.set(key, new Set());
    idsByKey.get(key).add(id);
    if (!keysById.has(id)) keysById.set(id, new Set());
    keysById.get(id).add(key);
  }
  const times = new Map();
  for (const id of stored) times.set(id, (times.get(id) ?? 0) + 1);

  let lost = 0;
  for (const ids of idsByKey.values()) if ([...ids].some((id) => !times.has(id))) lost++;
  let doubled = 0;
  for (const ids of idsByKey.values()) doubled += ids.size - 1;
  for (const keys of keysById.values()) doubled += keys.size - 1;
  for (const [id, n] of times) doubled += keysById.has(id) ? n - 1 : n;
  return { lost, doubled };
}
