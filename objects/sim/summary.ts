// A simulated day told for a reader (npm run sim): its arrivals by the half hour, what became of the tickets,
// the waits per matter, the desks, and how the two estimates held.
import { localTime } from "../queue/time.ts";
import { accuracy } from "./accuracy.ts";
import { MATTERS, TIME_ZONE } from "./office.ts";
import type { DayRecord, TicketRecord } from "./record.ts";

const HALF_HOUR_MS = 30 * 60_000;

export function clock(at: number): string {
  const m = localTime(at, TIME_ZONE).minutes;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

const pct = (x: number): string => `${(x * 100).toFixed(0)} %`;
const min = (x: number): string => x.toFixed(1);

/** Tickets taken per half hour from opening, as bars. */
export function arrivalsByHalfHour(day: DayRecord): { from: number; count: number }[] {
  const out: { from: number; count: number }[] = [];
  for (let from = day.openAt; from < day.closeAt; from += HALF_HOUR_MS) {
    out.push({ from, count: day.tickets.filter((t) => t.takenAt >= from && t.takenAt < from + HALF_HOUR_MS).length });
  }
  return out;
}

function count(tickets: readonly TicketRecord[], pred: (t: TicketRecord) => boolean): number {
  return tickets.filter(pred).length;
}

export function daySummary(day: DayRecord): string {
  const t = day.tickets;
  const lines: string[] = [];
  lines.push(`numerek office day: ${day.shape}, seed ${day.seed}, ${day.date}, open ${clock(day.openAt)}-${clock(day.closeAt)}`);
  lines.push("");
  lines.push("Tickets taken per half hour (walk-ins and bookings joining):");
  const bars = arrivalsByHalfHour(day);
  const most = Math.max(1, ...bars.map((b) => b.count));
  for (const b of bars) lines.push(`  ${clock(b.from)} ${"#".repeat(Math.round((b.count / most) * 40)).padEnd(40)} ${b.count}`);
  lines.push("");
  lines.push(
    `Tickets: ${t.length} (${count(t, (x) => x.source === "walk-in")} walk-ins, ${count(t, (x) => x.source === "booking")} bookings, ` +
      `${count(t, (x) => x.priority)} priority clients); walk-ins turned away (no open desk for the matter): ${day.refused}`,
  );
  lines.push(
    `Outcomes: served ${count(t, (x) => x.outcome === "served")}, removed after three misses ${count(t, (x) => x.outcome === "removed")}, ` +
      `closed at the end of the day ${count(t, (x) => x.outcome === "closed")}; "Nie zgłosił się" pressed ${day.noShows} times; ` +
      `${day.transfers} sent on to another matter; the last client left at ${clock(day.endedAt)}`,
  );
  lines.push("");
  lines.push("| matter | tickets | real wait p50 / p90 (min) | today's number: MAE | range: inside | range midpoint: MAE |");
  lines.push("|---|---:|---:|---:|---:|---:|");
  for (const m of MATTERS) {
    const mine = t.filter((x) => x.matterId === m.id);
    if (mine.length === 0) continue;
    const a = accuracy(mine);
    const waits = mine.map((x) => x.waitMinutes);
    lines.push(
      `| ${m.prefix} ${m.name} | ${mine.length} | ${min(quantile(waits, 0.5))} / ${min(quantile(waits, 0.9))} | ${min(a.single.mae)} | ${pct(a.range.inside)} | ${min(a.range.midpointMae)} |`,
    );
  }
  const all = accuracy(t);
  const waits = t.map((x) => x.waitMinutes);
  lines.push(
    `| all | ${t.length} | ${min(quantile(waits, 0.5))} / ${min(quantile(waits, 0.9))} | ${min(all.single.mae)} | ${pct(all.range.inside)} | ${min(all.range.midpointMae)} |`,
  );
  lines.push("");
  lines.push("| desk | matters | clerk's speed | finish pressed right away | finished | pauses |");
  lines.push("|---|---|---:|---:|---:|---:|");
  for (const d of day.desks) {
    lines.push(`| ${d.deskId} | ${d.matterIds.join(", ")} | ${d.speed.toFixed(2)}× | ${d.quickFinishes} | ${d.finished} | ${d.pauses} |`);
  }
  return lines.join("\n");
}

/** Every ticket on one line: what it was shown at issue and what it got. */
export function ticketLines(day: DayRecord): string {
  const lines = ["number  taken  ahead  today's  range     real wait  outcome"];
  for (const x of day.tickets) {
    const mark = `${x.source === "booking" ? "b" : " "}${x.priority ? "p" : " "}`;
    lines.push(
      `${x.number.padEnd(5)}${mark} ${clock(x.takenAt)}  ${String(x.ahead).padStart(5)}  ${String(x.single).padStart(7)}  ` +
        `${`${x.range.low}-${x.range.high}`.padEnd(8)}  ${x.waitMinutes.toFixed(1).padStart(9)}  ${x.outcome}` +
        `${x.transferredTo ? ` (sent on to ${x.transferredTo})` : ""}${x.misses > 0 ? `, ${x.misses} missed` : ""}`,
    );
  }
  return lines.join("\n");
}
