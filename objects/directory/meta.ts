// The directory's meta rows (a key and its text): the one scope it serves, the demo's marks and the
// audit log's retention. A directory is bound to its scope by the first write that names one.
import type { Result } from "../../protocol/errors.ts";
import { fail, ok } from "../../protocol/errors.ts";

export class DirectoryMeta {
  constructor(private readonly sql: SqlStorage) {}

  /** A key's value, or null when never set. */
  get(key: string): string | null {
    return this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0]?.value ?? null;
  }

  /** Sets a key's value. */
  set(key: string, value: string): void {
    this.sql.exec("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value);
  }

  /** A directory serves one scope for good: the first write names it, any other is refused. */
  bind(scope: string): Result<null> {
    const bound = this.get("scope");
    if (bound === null) this.set("scope", scope);
    else if (bound !== scope) return fail("INTERNAL", "This directory belongs to another organisation.");
    return ok(null);
  }
}
