// Who was signed in at which desk, over the day: a clerk console's socket at a desk opens a session and
// its closing ends it (connection bookkeeping, written beside the commit path like device contacts). A
// session left open by a process that died is closed when the object starts and finds no socket of it.
import type { ConsoleSession } from "../statistics/desk-spans.ts";

export const CONSOLE_SESSIONS_MIGRATION = `
  CREATE TABLE IF NOT EXISTS console_sessions (desk_id TEXT NOT NULL, clerk TEXT NOT NULL, from_at INTEGER NOT NULL, to_at INTEGER);
  CREATE INDEX IF NOT EXISTS console_sessions_by_time ON console_sessions (from_at);
`;

export class ConsoleSessions {
  constructor(private readonly sql: SqlStorage) {}

  opened(deskId: string, clerk: string, at: number): void {
    this.sql.exec("INSERT INTO console_sessions (desk_id, clerk, from_at) VALUES (?, ?, ?)", deskId, clerk, at);
  }

  /** The latest open session of this clerk at this desk ends. */
  closed(deskId: string, clerk: string, at: number): void {
    this.sql.exec(
      `UPDATE console_sessions SET to_at = ? WHERE rowid = (
         SELECT rowid FROM console_sessions WHERE desk_id = ? AND clerk = ? AND to_at IS NULL ORDER BY from_at DESC LIMIT 1)`,
      at,
      deskId,
      clerk,
    );
  }

  /** Closes the open sessions `isOpen` no longer sees a socket for. */
  reconcile(isOpen: (clerk: string) => boolean, at: number): void {
    const open = this.sql.exec<{ clerk: string }>("SELECT DISTINCT clerk FROM console_sessions WHERE to_at IS NULL").toArray();
    for (const { clerk } of open) {
      if (!isOpen(clerk)) this.sql.exec("UPDATE console_sessions SET to_at = ? WHERE clerk = ? AND to_at IS NULL", at, clerk);
    }
  }

  /** Sessions overlapping [from, to). */
  between(from: number, to: number): ConsoleSession[] {
    return this.sql
      .exec<{ desk_id: string; clerk: string; from_at: number; to_at: number | null }>(
        "SELECT desk_id, clerk, from_at, to_at FROM console_sessions WHERE from_at < ? AND (to_at IS NULL OR to_at > ?) ORDER BY from_at",
        to,
        from,
      )
      .toArray()
      .map((r) => ({ deskId: r.desk_id, clerk: r.clerk, from: r.from_at, to: r.to_at }));
  }
}
