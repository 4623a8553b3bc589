// The simulated office: a mid-sized city hall with a citizens' department (ID cards, residence, information)
// and a vehicles department (registration, driving licences), eight desks, some shared by two matters.
// What a citizen's visit really takes is not what the configuration says: each matter has its own
// log-normal spread of service times, each clerk works at their own speed, and some clerks press
// "finish" seconds after the call.
import type { DeskMatters } from "../queue/order.ts";

export const TIME_ZONE = "Europe/Warsaw";

export interface SimMatter {
  id: string;
  name: string;
  prefix: string;
  /** Minutes per client in the site's configuration: what the estimates start from before the day has samples. */
  serviceMinutes: number;
  /** The real median service, in minutes, and its log-spread σ. */
  medianMinutes: number;
  sigma: number;
  /** Share of the day's walk-ins who come for this matter. */
  share: number;
  /** Matters a client of this one may be sent on to after the desk hears what they need, and how often. */
  transfer: { to: readonly string[]; chance: number };
  /** Whether the matter can be booked online (R6). */
  bookable: boolean;
}

export const MATTERS: readonly SimMatter[] = [
  {
    id: "dow",
    name: "Dowód osobisty",
    prefix: "D",
    serviceMinutes: 10,
    medianMinutes: 8,
    sigma: 0.45,
    share: 0.28,
    transfer: { to: ["mel"], chance: 0.02 },
    bookable: true,
  },
  {
    id: "mel",
    name: "Meldunek",
    prefix: "M",
    serviceMinutes: 8,
    medianMinutes: 6,
    sigma: 0.55,
    share: 0.15,
    transfer: { to: ["dow"], chance: 0.02 },
    bookable: false,
  },
  {
    id: "inf",
    name: "Informacja",
    prefix: "I",
    serviceMinutes: 3,
    medianMinutes: 2.5,
    sigma: 0.6,
    share: 0.17,
    transfer: { to: ["dow", "mel"], chance: 0.15 },
    bookable: false,
  },
  {
    id: "rej",
    name: "Rejestracja pojazdu",
    prefix: "R",
    serviceMinutes: 15,
    medianMinutes: 11,
    sigma: 0.45,
    share: 0.25,
    transfer: { to: ["pj"], chance: 0.02 },
    bookable: true,
  },
  {
    id: "pj",
    name: "Prawo jazdy",
    prefix: "P",
    serviceMinutes: 12,
    medianMinutes: 9,
    sigma: 0.5,
    share: 0.15,
    transfer: { to: ["rej"], chance: 0.02 },
    bookable: true,
  },
];

/** Desks and the matters they serve, in their order of preference. */
export const DESKS: readonly DeskMatters[] = [
  { id: "d1", matterIds: ["dow", "mel"] },
  { id: "d2", matterIds: ["dow", "mel"] },
  { id: "d3", matterIds: ["mel", "dow"] },
  { id: "d4", matterIds: ["inf", "mel"] },
  { id: "d5", matterIds: ["rej", "pj"] },
  { id: "d6", matterIds: ["rej", "pj"] },
  { id: "d7", matterIds: ["rej", "pj"] },
  { id: "d8", matterIds: ["pj", "rej"] },
];

/** The site's no-show recall delay (R5: a missed ticket is called again after this, at a desk with nobody else). */
export const RECALL_DELAY_MS = 2 * 60_000;

/** How people behave, the same on every day. */
export const PEOPLE = {
  /** A very long visit (a complicated case, a missing document sorted out at the desk): how often, and how much longer. */
  longVisit: { chance: 0.02, factor: [3, 6] as const },
  /** Patience of a walk-in before leaving for good (log-normal, minutes); a gone client misses every call. */
  patience: { medianMinutes: 90, sigma: 0.6 },
  /** A client who stepped out and misses the first call, but is back for the recall. */
  awayAtFirstCall: 0.04,
  /** A booked client who never comes. */
  bookingNoShow: 0.1,
  /** Walking from the seat to the desk after the call, in seconds. */
  walkSeconds: [15, 60] as const,
  /** How long a clerk waits for a client who does not come before pressing "Nie zgłosił się", in seconds. */
  waitForAbsentSeconds: [60, 120] as const,
  /** Paperwork between one client and the next call, in seconds. */
  gapSeconds: [10, 40] as const,
  /** The recorded service of a clerk who pressed "finish" right away, in seconds. */
  quickFinishSeconds: [3, 20] as const,
  /** A clerk who forgets to press "start" (the service then records as 0 ms). */
  forgetsStart: 0.03,
  /** Share of walk-ins entitled to priority service (pregnant women, persons with disabilities, ...). */
  priority: 0.04,
};
