// Whether an error a Durable Object threw is its storage failing (SQLite out of room, an I/O error, the
// object reset after a write it could not keep) or the runtime's own internal failure, rather than a
// defect of numerek's code. The first two answer 503 STORAGE_FAILED ("nothing was changed, try again
// shortly"): a full disk must not read as a server bug. A write that fails when the object's implicit
// transaction commits (after the command's own code has returned) reaches the Worker only this way.

const STORAGE_MESSAGE = /SQLITE_[A-Z_]+|database or disk is full|disk I\/O error|^internal error; reference = /i;

export function isStorageFailure(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const e = err as { message?: unknown; durableObjectReset?: unknown };
  if (e.durableObjectReset === true) return true;
  return typeof e.message === "string" && STORAGE_MESSAGE.test(e.message);
}
