// What each kind of live client is shown: the views a site object sends in its snapshot and update
// frames (protocol/live.ts), one schema per role, with the print agent's jobs and printer states.
// The ticket, desk and e-ticket shapes are the HTTP API's own (protocol/api.ts).
import { z } from "zod";
import { DeskView, PauseReason, TicketView, WaitRangeView } from "./api.ts";
import { ContinuityReplica } from "./continuity.ts";
import { CitizenLang } from "./lang.ts";

// ---- kiosk printers, as the print agent reports them -----------------------------
/** What a kiosk printer can be: the kiosk shows its QR fallback unless it is "ready". */
export const PRINTER_STATES = ["ready", "paper-out", "cover-open", "offline", "error"] as const;
export const PrinterState = z.enum(PRINTER_STATES);
export type PrinterState = z.infer<typeof PrinterState>;

/**
 * A kiosk printer as the site knows it: the agent's last report, or "no-agent" while the site's print
 * agent is not connected (nobody knows whether it prints: the kiosk shows its QR fallback).
 */
export const KioskPrinterState = z.enum([...PRINTER_STATES, "no-agent"]);
export type KioskPrinterState = z.infer<typeof KioskPrinterState>;

export const PrinterStatus = z.object({
  kioskId: z.string(),
  state: KioskPrinterState,
  at: z.string(),
});
export type PrinterStatus = z.infer<typeof PrinterStatus>;

/** A ticket the print agent could not print (too old by the time it could, or no printer): the manager page lists it. */
export const UnprintedTicket = z.object({
  jobId: z.string(),
  kioskId: z.string().nullable(),
  number: z.string(),
  createdAt: z.string(),
  reason: z.enum(["too-old", "no-printer"]),
  /** When the agent gave up on it. */
  at: z.string(),
});
export type UnprintedTicket = z.infer<typeof UnprintedTicket>;

// ---- group screen (and kiosks, and the manager page) -----------------------------
export const CallView = z.object({
  ticketId: z.string(),
  number: z.string(),
  deskId: z.string(),
  deskName: z.string(),
  deskNumber: z.number().int(),
  at: z.string(),
  /** 1 for the first call, 2 and 3 for recalls after "Nie zgłosił się", more for "Wezwij ponownie". */
  attempt: z.number().int(),
  /** The ticket's matter (a screen bound to a department shows only its calls); null once the ticket is gone. */
  matterId: z.string().nullable(),
  /** Present (true) for a priority ticket: screens mark its number, without saying why. */
  priority: z.literal(true).optional(),
});
export type CallView = z.infer<typeof CallView>;

export const WaitingCount = z.object({
  matterId: z.string(),
  count: z.number().int(),
  /** Some open desk serves the matter now (kiosks grey out the others before anyone taps). */
  open: z.boolean(),
  /** Present (true) once the matter's walk-in tickets for today are all given out (its daily cap): unavailable until tomorrow. */
  capReached: z.literal(true).optional(),
  /**
   * Present (true) when a walk-in ticket of the matter taken now would be refused by the closing cut-off
   * (objects/queue/cut-off.ts: its last-ticket time has come, or it could not be served before closing):
   * the kiosk offers a booking instead, the hall screen says "closed for today".
   */
  closedForToday: z.literal(true).optional(),
  /**
   * Present (true) with closedForToday when only the forecast closed the matter and a priority ticket
   * (called from its own place in the line) could still be served today: the kiosk still offers one.
   */
  priorityOpen: z.literal(true).optional(),
  /** The wait a ticket taken now would be shown, as a range (the kiosk shows it on the matter's button). */
  range: WaitRangeView.optional(),
});
export type WaitingCount = z.infer<typeof WaitingCount>;

const DeskStatus = z.enum(["open", "paused"]);

/** A matter as the hall shows it: the kiosk's button (with its hint), the screens' waiting list. */
export const HallMatter = z.object({
  id: z.string(),
  name: z.string(),
  /** The English name, when the office gave one. */
  nameEn: z.string().nullable(),
  /** The Ukrainian name, when the office gave one. */
  nameUk: z.string().nullable().optional(),
  prefix: z.string(),
  /** The short note under the matter on the kiosk ("zabierz dowód osobisty"). */
  hint: z.string().nullable(),
});
export type HallMatter = z.infer<typeof HallMatter>;

/** A group screen of the site and what it is bound to (DeviceConfig): only these departments' and desks' calls and queues. */
export const HallScreen = z.object({
  id: z.string(),
  name: z.string(),
  departmentIds: z.array(z.string()).optional(),
  deskIds: z.array(z.string()).optional(),
});
export type HallScreen = z.infer<typeof HallScreen>;

/**
 * What of the configuration the hall shows, live: a change reaches the kiosks and screens with the next
 * frame, without a reload. Departments and matters in their order on the kiosk (the configuration's).
 */
export const HallSite = z.object({
  /** Closed for a while: the notice the kiosks show instead of the matters. Null: open as usual. */
  closure: z.string().nullable(),
  /** Languages of the hall screens' texts, the main one first. */
  languages: z.array(CitizenLang),
  /** The line of text the office shows at the bottom of its hall screens. Absent: none. */
  ticker: z.string().optional(),
  /** The site's group screens and their bindings (a screen finds its own by its device id). */
  screens: z.array(HallScreen).optional(),
  /** The desks and the matters each serves (a screen bound to desks lists the queues they serve). */
  desks: z.array(z.object({ id: z.string(), name: z.string(), matterIds: z.array(z.string()) })).optional(),
  /**
   * The open stretches of the coming days (site-local ISO 8601 with offset), in order: a hall screen
   * tells from them, on its own clock, that the office is closed and when it opens next. Absent where
   * the hours are not known (a kiosk's catalogue built before the live view arrives).
   */
  openings: z.array(z.object({ from: z.string(), to: z.string() })).optional(),
  departments: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      nameEn: z.string().nullable().optional(),
      nameUk: z.string().nullable().optional(),
      matters: z.array(HallMatter),
    }),
  ),
  /** Present while the site offers priority service: the groups the kiosk lists (issue 14). */
  priority: z
    .object({
      /** How priority tickets are called: before the normal ones, or every second call (the kiosk says which). */
      mode: z.enum(["first", "alternate"]),
      groups: z.array(z.object({ name: z.string(), nameEn: z.string().nullable(), nameUk: z.string().nullable() })),
    })
    .optional(),
  /** Present (true) where the site has a remote PJM interpreter: the kiosk offers "Potrzebuję tłumacza PJM". */
  interpreter: z.literal(true).optional(),
});
export type HallSite = z.infer<typeof HallSite>;

/**
 * The office's hours from today on, a week ahead, as its calendar has them (special days, days off and
 * holidays applied): a closed kiosk says so before any choice, with today's hours and the next opening.
 */
export const OfficeWeek = z.object({
  timeZone: z.string(),
  /** Today (the site's local date) first, then the next 7 days; `hours`: [from, to) "HH:MM" pairs, none on a closed day. */
  days: z.array(z.object({ date: z.string(), hours: z.array(z.tuple([z.string(), z.string()])) })),
});
export type OfficeWeek = z.infer<typeof OfficeWeek>;

export const DisplayView = z.object({
  siteName: z.string(),
  site: HallSite,
  /** Newest first. */
  calls: z.array(CallView),
  waiting: z.array(WaitingCount),
  desks: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: DeskStatus,
      number: z.string().nullable(),
      /** Present (true) when the number served is a priority ticket's. */
      priority: z.literal(true).optional(),
    }),
  ),
  /** Kiosk printers as last reported by the print agent (kiosks show a QR fallback when not ready). */
  printers: z.array(PrinterStatus),
  hours: OfficeWeek,
});
export type DisplayView = z.infer<typeof DisplayView>;

// ---- desk screen and clerk console ----------------------------------------------
export const DeskScreenView = z.object({
  desk: z.object({ id: z.string(), name: z.string(), status: DeskStatus, pauseReason: PauseReason.optional() }),
  number: z.string().nullable(),
  /** Present (true) when the number is a priority ticket's. */
  priority: z.literal(true).optional(),
});
export type DeskScreenView = z.infer<typeof DeskScreenView>;

/** What of the configuration a console names, live: the site, its matters and desks (the transfer's choices). */
export const ClerkSite = z.object({
  name: z.string(),
  matters: z.array(z.object({ id: z.string(), name: z.string() })),
  desks: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The site's remote PJM interpreter link, offered when an interpreter ticket is called. Absent: none. */
  interpreterUrl: z.string().optional(),
});
export type ClerkSite = z.infer<typeof ClerkSite>;

export const ClerkView = z.object({
  desk: DeskView,
  site: ClerkSite,
  /** Tickets this desk may serve, in the order call-next would take them. */
  waiting: z.array(TicketView),
  /** Tickets put aside after "Nie zgłosił się", to be called again at this desk. */
  missed: z.array(TicketView),
  /** When the current client was called or started (for the service timer). */
  since: z.string().nullable(),
  /** Clients this desk has finished serving today. */
  servedToday: z.number().int().min(0),
});
export type ClerkView = z.infer<typeof ClerkView>;

// ---- the print agent --------------------------------------------------------------
export const PrintJob = z.object({
  id: z.string().min(1).max(64),
  kind: z.literal("print"),
  ticket: z.object({
    number: z.string().min(1).max(16),
    matterName: z.string().max(200),
    siteName: z.string().max(200),
    city: z.string().max(100),
    waitingAhead: z.number().int().min(0),
    estimatedWaitMinutes: z.number().min(0),
    /** The range shown at issue (absent in jobs of an older site object: the ticket then prints the single number). */
    estimatedWait: WaitRangeView.optional(),
    takenAt: z.string(),
    eticketUrl: z.string().min(1).max(500),
    /** Present (true) for a priority ticket: the ticket carries its mark. */
    priority: z.literal(true).optional(),
  }),
  kioskId: z.string().nullable(),
  createdAt: z.string(),
});
export type PrintJob = z.infer<typeof PrintJob>;

export const AnnounceJob = z.object({
  id: z.string().min(1).max(64),
  kind: z.literal("announce"),
  number: z.string().min(1).max(16),
  deskName: z.string().max(200),
  deskNumber: z.number().int().min(0),
  createdAt: z.string(),
});
export type AnnounceJob = z.infer<typeof AnnounceJob>;

export const AgentJob = z.discriminatedUnion("kind", [PrintJob, AnnounceJob]);
export type AgentJob = z.infer<typeof AgentJob>;

export const AgentView = z.object({
  /** Jobs not yet acknowledged, oldest first. */
  jobs: z.array(AgentJob),
  /** What the agent needs to keep the hall running while the office is cut off (protocol/continuity.ts). */
  continuity: ContinuityReplica.optional(),
});
export type AgentView = z.infer<typeof AgentView>;
