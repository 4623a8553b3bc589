// What a simulated day leaves behind: every ticket with the estimates it was shown at issue and what it really
// got, the desks' day, and the counts of what happened.
import type { Ticket } from "../queue/model.ts";
import type { WaitRange, WaitRangeInput } from "../queue/wait-range.ts";
import type { ShapeName } from "./shapes.ts";

export type TicketOutcome = "served" | "removed" | "closed";

export interface TicketRecord {
  id: string;
  number: string;
  /** The matter the ticket was taken for. */
  matterId: string;
  source: "walk-in" | "booking";
  priority: boolean;
  takenAt: number;
  /** People ahead at issue, by the real queue order. */
  ahead: number;
  /** Today's single number shown at issue (`estimateWaitMinutes`). */
  single: number;
  /** The range shown at issue (`estimateWaitRange`). */
  range: WaitRange;
  /** What the range was computed from (the day's durations as they were then). */
  rangeInput: WaitRangeInput;
  /** The first call, or null when the ticket was never called. */
  calledAt: number | null;
  /** The real wait in minutes: until the first call, or until closing for a ticket never called. */
  waitMinutes: number;
  outcome: TicketOutcome;
  misses: number;
  /** The matter it was sent on to, if any. */
  transferredTo: string | null;
}

export interface DeskRecord {
  deskId: string;
  matterIds: readonly string[];
  speed: number;
  quickFinish: number;
  /** Clients whose visit ended at this desk with "finish". */
  finished: number;
  /** Of those, finished seconds after the start. */
  quickFinishes: number;
  /** Pauses taken (the desk that closes for the day counts its closing). */
  pauses: number;
}

export interface DayRecord {
  shape: ShapeName;
  seed: number;
  date: string;
  openAt: number;
  closeAt: number;
  /** When the last client left the desks. */
  endedAt: number;
  tickets: TicketRecord[];
  /** Walk-ins the kiosk turned away (no open desk served their matter at that moment). */
  refused: number;
  /** "Nie zgłosił się" presses. */
  noShows: number;
  transfers: number;
  desks: DeskRecord[];
}

/** A ticket's end: anything still open after the end of the day is a fault of the simulation. */
export function finalOutcome(t: Ticket): TicketOutcome {
  if (t.status === "served" || t.status === "removed" || t.status === "closed") return t.status;
  throw new Error(`ticket ${t.number} still ${t.status} after the end of the day`);
}
