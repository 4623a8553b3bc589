// A small office day at the Warsaw site on Monday 2026-11-30 (UTC+1), small enough to compute every figure
// by hand (figures.test.ts does, in its comments). Matters A and B belong to department D1, matter C to D2;
// matter B's target is 10 minutes, the others keep 15. Anna works desk d1, Bartek desk d2.
//
//  ticket  matter  channel        queued  est  range  calls (desk)            service        outcome
//  T1      A       kiosk          08:00    5   2–8    08:04 (d1)              08:05–08:15    served
//  T2      A       kiosk          08:02   10   5–15   08:15 (d1)              08:16–08:22    served
//  T3      B       booking-auto   08:25    0   0–1    08:31 (d2)              08:32–08:52    served (booking kept)
//  T4      A       kiosk          08:10   10   5–15   08:22, 08:24, 08:26 (d1)   –           no-show
//  T5 p0   C       kiosk          08:20   15   10–20  08:28 (d1)              08:29–08:40    transferred to B
//  T5 p1   B       –              08:40    –   –      08:53 (d2)              08:54–09:04    served
//  T6      C       booking-auto   08:45   10   5–15   –                          –           cancelled 08:50
//  T7      A       clerk          08:35   20   15–25  –                          –           left 09:00
//  T8      A       kiosk          08:41   10   5–15   09:01 (d1)              09:02–09:20    served
//  T9      C       kiosk          09:10    5   2–8    09:12 (d2)              09:13–09:18    served
//
// Priority service: T2 and T5 are priority tickets (T5's two parts are one ticket); T5 and T8 asked for the
// PJM interpreter.
//
// Desks: d1 (anna) idle 07:55–08:05, serving 08:05–08:40, break „szkolenie” 08:40–09:00, serving
// 09:00–09:20, idle 09:20–09:30; d2 with nobody signed in 07:30–08:00, then (bartek) idle 08:00–08:32,
// serving 08:32–09:18, break „przerwa” 09:18–09:30.
import type { BookingFact, DeskSpan, MessageFact, SiteDayFacts, VisitCall, VisitChannel, VisitOutcome, VisitRecord } from "./records.ts";

export const TIME_ZONE = "Europe/Warsaw";
export const DAY = "2026-11-30";
export const TARGETS = { B: 10 };

/** The instant of a local time of the day ("08:05"), or of another date. */
export function at(hhmm: string, date = DAY): number {
  return Date.parse(`${date}T${hhmm}:00+01:00`);
}

const DEPARTMENT: Record<string, string> = { A: "D1", B: "D1", C: "D2" };
const CLERK: Record<string, string> = { d1: "anna", d2: "bartek" };

interface PartInput {
  ticket: string;
  part?: number;
  matter: "A" | "B" | "C";
  channel?: VisitChannel;
  queued: string;
  slot?: string;
  est?: number;
  /** The range shown at issue, low and high. */
  range?: [number, number];
  calls?: string[];
  desk?: "d1" | "d2";
  service?: [string, string];
  outcome: VisitOutcome;
  ended?: string;
  priority?: true;
  interpreter?: true;
}

function visit(p: PartInput): VisitRecord {
  const desk = p.desk ?? null;
  const clerk = desk === null ? null : (CLERK[desk] ?? null);
  const calls: VisitCall[] = (p.calls ?? []).map((c) => ({ at: at(c), deskId: desk ?? "", clerk }));
  return {
    ticketId: p.ticket,
    part: p.part ?? 0,
    day: DAY,
    departmentId: DEPARTMENT[p.matter] ?? "",
    matterId: p.matter,
    channel: p.channel ?? "kiosk",
    queuedAt: at(p.queued),
    slotAt: p.slot ? at(p.slot) : null,
    ...(p.priority ? { priority: true } : {}),
    ...(p.interpreter ? { interpreter: true } : {}),
    estimateMinutes: p.est ?? null,
    estimateRange: p.range ? { low: p.range[0], high: p.range[1] } : null,
    calls,
    startedAt: p.service ? at(p.service[0]) : null,
    finishedAt: p.service ? at(p.service[1]) : null,
    deskId: desk,
    clerk,
    outcome: p.outcome,
    endedAt: p.ended ? at(p.ended) : p.service ? at(p.service[1]) : null,
  };
}

export const VISITS: VisitRecord[] = [
  visit({
    ticket: "T1",
    matter: "A",
    queued: "08:00",
    est: 5,
    range: [2, 8],
    calls: ["08:04"],
    desk: "d1",
    service: ["08:05", "08:15"],
    outcome: "served",
  }),
  visit({
    ticket: "T2",
    matter: "A",
    priority: true,
    queued: "08:02",
    est: 10,
    range: [5, 15],
    calls: ["08:15"],
    desk: "d1",
    service: ["08:16", "08:22"],
    outcome: "served",
  }),
  visit({
    ticket: "T3",
    matter: "B",
    channel: "booking-auto",
    queued: "08:25",
    slot: "08:30",
    est: 0,
    range: [0, 1],
    calls: ["08:31"],
    desk: "d2",
    service: ["08:32", "08:52"],
    outcome: "served",
  }),
  visit({
    ticket: "T4",
    matter: "A",
    queued: "08:10",
    est: 10,
    range: [5, 15],
    calls: ["08:22", "08:24", "08:26"],
    desk: "d1",
    outcome: "no-show",
    ended: "08:27",
  }),
  visit({
    ticket: "T5",
    matter: "C",
    priority: true,
    interpreter: true,
    queued: "08:20",
    est: 15,
    range: [10, 20],
    calls: ["08:28"],
    desk: "d1",
    service: ["08:29", "08:40"],
    outcome: "transferred",
  }),
  visit({
    ticket: "T5",
    part: 1,
    matter: "B",
    priority: true,
    interpreter: true,
    queued: "08:40",
    calls: ["08:53"],
    desk: "d2",
    service: ["08:54", "09:04"],
    outcome: "served",
  }),
  visit({
    ticket: "T6",
    matter: "C",
    channel: "booking-auto",
    queued: "08:45",
    slot: "09:00",
    est: 10,
    range: [5, 15],
    outcome: "cancelled",
    ended: "08:50",
  }),
  visit({ ticket: "T7", matter: "A", channel: "clerk", queued: "08:35", est: 20, range: [15, 25], outcome: "left", ended: "09:00" }),
  visit({
    ticket: "T8",
    matter: "A",
    interpreter: true,
    queued: "08:41",
    est: 10,
    range: [5, 15],
    calls: ["09:01"],
    desk: "d1",
    service: ["09:02", "09:20"],
    outcome: "served",
  }),
  visit({
    ticket: "T9",
    matter: "C",
    queued: "09:10",
    est: 5,
    range: [2, 8],
    calls: ["09:12"],
    desk: "d2",
    service: ["09:13", "09:18"],
    outcome: "served",
  }),
];

function span(
  deskId: string,
  clerk: string | null,
  state: DeskSpan["state"],
  from: string,
  to: string,
  reason: DeskSpan["reason"] = null,
): DeskSpan {
  return { deskId, clerk, state, reason, from: at(from), to: at(to) };
}

export const DESKS: DeskSpan[] = [
  span("d1", "anna", "idle", "07:55", "08:05"),
  span("d1", "anna", "serving", "08:05", "08:40"),
  span("d1", "anna", "break", "08:40", "09:00", "training"),
  span("d1", "anna", "serving", "09:00", "09:20"),
  span("d1", "anna", "idle", "09:20", "09:30"),
  span("d2", null, "idle", "07:30", "08:00"),
  span("d2", "bartek", "idle", "08:00", "08:32"),
  span("d2", "bartek", "serving", "08:32", "09:18"),
  span("d2", "bartek", "break", "09:18", "09:30", "break"),
];

/** T3's booking (kept), one missed, and T6's (cancelled). */
export const BOOKINGS: BookingFact[] = [
  { matterId: "B", madeAt: at("10:00", "2026-11-25"), slotAt: at("08:30"), outcome: "kept" },
  { matterId: "A", madeAt: at("12:00", "2026-11-29"), slotAt: at("10:00"), outcome: "missed" },
  { matterId: "C", madeAt: at("09:00", "2026-11-20"), slotAt: at("09:00"), outcome: "cancelled" },
];

export const MESSAGES: MessageFact[] = [
  { channel: "sms", at: at("07:00"), status: "sent" },
  { channel: "sms", at: at("08:25"), status: "sent" },
  { channel: "sms", at: at("08:40"), status: "failed" },
  { channel: "sms", at: at("09:29"), status: "pending" },
  { channel: "email", at: at("07:00"), status: "sent" },
];

export const HAND_DAY: SiteDayFacts = { visits: VISITS, desks: DESKS, bookings: BOOKINGS, messages: MESSAGES };
