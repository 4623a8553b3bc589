// The audit log as CSV for the manager page's export (csv-stringify). A cell that a spreadsheet would
// run as a formula (=, +, -, @, tab, carriage return first) is prefixed with an apostrophe: user names,
// site names and summaries come from people.
import { stringify } from "csv-stringify/sync";
import type { AuditEntry } from "../../protocol/audit.ts";

const COLUMNS = ["id", "at", "actor", "address", "action", "target", "summary", "changes"] as const;

function cell(value: string | number | null): string {
  const s = value === null ? "" : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((e) =>
    [
      e.id,
      e.at,
      e.actor,
      e.address,
      e.action,
      e.target,
      e.summary,
      e.changes.map((c) => `${c.path}: ${c.before ?? "–"} → ${c.after ?? "–"}`).join("; "),
    ].map(cell),
  );
  return stringify([[...COLUMNS], ...rows], { record_delimiter: "\r\n" });
}
