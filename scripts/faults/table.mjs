// The fault matrix's table: one line per fault, as a Markdown table (readable in a terminal and
// pasted as it is into the README).

const COLUMNS = [
  ["fault", "fault"],
  ["expected", "expected"],
  ["observed", "observed"],
  ["lost", "lost"],
  ["doubled", "doubled"],
  ["passed", "passed"],
];

/** A cell on one line: pipes escaped, line breaks and runs of spaces made one space. */
export function cell(value) {
  return String(value ?? "")
    .replace(/\s+/g, " ")
    .trim()
    .replaceAll("|", "\\|");
}

/**
 * @param {{ fault: string, expected: string, observed: string, lost: number | null, doubled: number | null, passed: boolean }[]} rows
 * A row not run has lost and doubled null (shown as "–") and does not pass.
 */
export function formatTable(rows) {
  const cells = rows.map((r) =>
    [r.fault, r.expected, r.observed, r.lost === null ? "–" : r.lost, r.doubled === null ? "–" : r.doubled, r.passed ? "yes" : "NO"].map(
      cell,
    ),
  );
  const head = COLUMNS.map(([, title]) => title);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.map(line)].join("\n");
}

/** One line under the table: how many rows passed, and the sums of lost and doubled. */
export function summary(rows) {
  const passed = rows.filter((r) => r.passed).length;
  const lost = rows.reduce((n, r) => n + (r.lost ?? 0), 0);
  const doubled = rows.reduce((n, r) => n + (r.doubled ?? 0), 0);
  return `${passed} of ${rows.length} faults passed; lost ${lost}, doubled ${doubled} in all.`;
}
