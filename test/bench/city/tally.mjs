// What the city day measured, pure: per operation its durations and its errors, and the table printed at
// the end (Markdown, pasted as it is into the README).

/** The operations in the table's order, with their titles. */
export const OPERATIONS = [
  ["walk-in", "kiosk walk-in (POST …/tickets)"],
  ["call-next", "desk call-next"],
  ["start", "desk start"],
  ["finish", "desk finish"],
  ["hold", "booking hold (POST /bookings)"],
  ["storm-hold", "booking hold in the 8:00 storm"],
  ["confirm", "booking confirm (code from the SMS)"],
  ["check-in", "kiosk check-in of a booking"],
  ["eticket-read", "e-ticket read (GET /etickets/…)"],
  ["eticket-frame", "e-ticket socket: call sent → the called phone has its frame"],
];
const KNOWN = new Set(OPERATIONS.map(([op]) => op));

/** Nearest-rank percentile (p in 0..1) of numbers; undefined for none. */
export function percentile(values, p) {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)];
}

export function createTally() {
  const ms = new Map(OPERATIONS.map(([op]) => [op, []]));
  const errors = new Map(OPERATIONS.map(([op]) => [op, []]));
  const check = (op) => {
    if (!KNOWN.has(op)) throw new Error(`unknown operation ${op}`);
  };
  return {
    /** One operation that did what it should, in `duration` ms. */
    ok(op, duration) {
      check(op);
      ms.get(op).push(duration);
    },
    /** One operation that failed (a status not expected, no answer, a socket closed early). */
    fail(op, message) {
      check(op);
      errors.get(op).push(message);
    },
    rows: () => OPERATIONS.map(([op, title]) => ({ op, title, count: ms.get(op).length, errors: errors.get(op).length, ms: ms.get(op) })),
    errorCount: () => [...errors.values()].reduce((n, e) => n + e.length, 0),
    /** Up to `n` error messages, each with how often it came. */
    firstErrors(n) {
      const seen = new Map();
      for (const [op, list] of errors) for (const m of list) seen.set(`${op}: ${m}`, (seen.get(`${op}: ${m}`) ?? 0) + 1);
      return [...seen].slice(0, n).map(([m, k]) => (k > 1 ? `${m} (×${k})` : m));
    },
  };
}

const fmt = (v) => (v === undefined ? "–" : v.toFixed(1));

/** The table: one line per operation, count, p50 and p99 in ms, errors. */
export function formatTable(rows) {
  const head = ["operation", "count", "p50 (ms)", "p99 (ms)", "errors"];
  const cells = rows.map((r) => [r.title, String(r.count), fmt(percentile(r.ms, 0.5)), fmt(percentile(r.ms, 0.99)), String(r.errors)]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const right = [false, true, true, true, true];
  const line = (c) => `| ${c.map((v, i) => (right[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => `${"-".repeat(w + 1)}${right[i] ? ":" : "-"}`).join("|")}|`;
  return [line(head), rule, ...cells.map(line)].join("\n");
}
