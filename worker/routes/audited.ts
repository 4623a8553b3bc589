// An audited command that takes an Idempotency-Key: its audit entry is written when the command ran, once.
// A retry answered from the idempotency record (the first answer again) did nothing new, so it adds no entry.
import type { Result } from "../../protocol/errors.ts";
import { unwrap } from "../errors.ts";

/** The command's answer (a refusal thrown as its API error); `record` writes the audit entry unless the answer is a replay. */
export async function auditedAnswer<T>(result: Result<T>, record: (value: T) => Promise<void>): Promise<T> {
  const value = unwrap(result);
  if (!(result.ok && result.replayed)) await record(value);
  return value;
}
