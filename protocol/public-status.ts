// The public, unauthenticated view of every office: which sites there are, and each site's live queues
// (whether a matter is open now, its open desks, people waiting, the number called last, the wait range a
// ticket taken now would be shown); the same live data in Warsaw's open queue API shape and as FIWARE
// QueueMonitor entities; and the daily open-data export. No personal data: counts, ticket numbers and
// minutes only, never a name, a phone number or a clerk.
import { z } from "zod";
import { WaitRangeView } from "./api.ts";
import { CalendarDate, Id } from "./config.ts";

/** How long every public answer may be reused, at the edge and by browsers (seconds). */
export const PUBLIC_MAX_AGE_S = 15;
/** The open-data export covers at most this many days a request. */
export const OPEN_DATA_MAX_DAYS = 366;

const OrgId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);

export const PublicSitesQuery = z.strictObject({
  org: OrgId.optional().describe("Only the sites of this organisation (all sites when absent)"),
});
export type PublicSitesQuery = z.infer<typeof PublicSitesQuery>;

export const PublicSiteSummary = z.object({
  id: Id,
  name: z.string(),
  city: z.string(),
  address: z.string(),
  organisation: z.string().describe("The id of the organisation the site belongs to"),
});
export type PublicSiteSummary = z.infer<typeof PublicSiteSummary>;

export const PublicSitesResponse = z.object({ sites: z.array(PublicSiteSummary) });
export type PublicSitesResponse = z.infer<typeof PublicSitesResponse>;

export const PublicMatterStatus = z.object({
  id: Id,
  name: z.string(),
  nameEn: z.string().optional(),
  nameUk: z.string().optional(),
  departmentId: Id,
  departmentName: z.string(),
  prefix: z.string().describe("The letter(s) its ticket numbers start with"),
  open: z.boolean().describe("A walk-in could take a ticket for it now (hours, closures, the daily cap, an open desk)"),
  openDesks: z.number().int().min(0).describe("Open desks serving it (a desk shared by several matters counts for each)"),
  waiting: z.number().int().min(0).describe("People waiting for it now"),
  lastCalled: z.string().nullable().describe("The number called last today, null before the first call"),
  lastIssued: z.string().nullable().describe("The number given out last today, null before the first ticket"),
  serviceMinutes: z.number().int().min(0).describe("Minutes of service per person: today's median once 3 are served, else as configured"),
  waitRange: WaitRangeView.nullable().describe("The wait a walk-in taking a ticket now would be shown; null while the matter is closed"),
});
export type PublicMatterStatus = z.infer<typeof PublicMatterStatus>;

export const PublicSiteStatus = z.object({
  siteId: Id,
  name: z.string(),
  city: z.string(),
  address: z.string(),
  timeZone: z.string(),
  /** The office's local date and time the status was built at: 2026-11-30, 09:05. */
  date: CalendarDate,
  time: z.string().regex(/^\d{2}:\d{2}$/),
  generatedAt: z.number().int().describe("When the status was built (ms since the epoch); it may be up to 15 s old"),
  matters: z.array(PublicMatterStatus),
});
export type PublicSiteStatus = z.infer<typeof PublicSiteStatus>;

// ---- Warsaw's open queue API (api.um.warszawa.pl, wsstore_get) ------------------------------------

/** `id` is the site's id; `apikey` is accepted and ignored, so Warsaw's clients work by changing the host. */
export const WarsawFeedQuery = z.object({
  id: z.string().optional().describe("The site's id"),
  apikey: z.string().optional().describe("Accepted and ignored"),
});

/** One queue ("grupa") with Warsaw's own field names and types: some numbers are strings of digits. */
export const WarsawGroup = z.object({
  status: z.enum(["0", "1"]).describe('"1" open, "0" closed'),
  czasObslugi: z.string().regex(/^\d+$/).describe("Minutes of service per person"),
  lp: z.string().regex(/^\d+$/).describe("Order, from 1"),
  idGrupy: z.string().regex(/^\d+$/).describe("A stable numeric id of the matter (a hash of the site and matter ids)"),
  liczbaCzynnychStan: z.number().int().min(0).describe("Open desks"),
  nazwaGrupy: z.string(),
  literaGrupy: z.string().describe("The ticket prefix"),
  liczbaKlwKolejce: z.number().int().min(0).describe("People waiting"),
  aktualnyNumer: z.string().describe('The number called last, "" when none'),
});
export type WarsawGroup = z.infer<typeof WarsawGroup>;

export const WarsawFeed = z.object({
  result: z.object({
    date: CalendarDate,
    time: z.string().regex(/^\d{2}:\d{2}$/),
    grupy: z.array(WarsawGroup),
  }),
});
export type WarsawFeed = z.infer<typeof WarsawFeed>;

/** Warsaw answers an unknown id with HTTP 200 and this body; so does numerek. */
export const WarsawFeedError = z.object({ result: z.literal("false"), error: z.string() });
export type WarsawFeedError = z.infer<typeof WarsawFeedError>;

// ---- FIWARE Smart Data Models: QueueMonitor (dataModel.QueueManagement) ------------------------------

export const QueueMonitorQuery = z.strictObject({
  options: z.enum(["keyValues", "normalized"]).optional().describe("NGSI-LD representation: normalized (the default) or keyValues"),
});
export type QueueMonitorQuery = z.infer<typeof QueueMonitorQuery>;

/** One QueueMonitor entity per matter; in the normalized form each attribute is {type: "Property", value}. */
export const QueueMonitorEntity = z
  .object({
    id: z.string().describe("urn:ngsi-ld:QueueMonitor:<siteId>:<matterId>"),
    type: z.literal("QueueMonitor"),
    "@context": z.array(z.string()),
  })
  .catchall(z.unknown());
export const QueueMonitorResponse = z.array(QueueMonitorEntity);

// ---- the daily open data -------------------------------------------------------------------------

export const OpenDataQuery = z
  .strictObject({
    from: CalendarDate,
    to: CalendarDate,
    format: z.enum(["json", "csv"]).optional().describe("json (the default) or csv for Excel with Polish settings"),
    lang: z.enum(["pl", "en"]).optional().describe("CSV column headers: Polish (the default) or English"),
  })
  .refine((q) => q.from <= q.to, { message: "from must not be after to", path: ["to"] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= (OPEN_DATA_MAX_DAYS - 1) * 86_400_000, {
    message: `at most ${OPEN_DATA_MAX_DAYS} days`,
    path: ["to"],
  });
export type OpenDataQuery = z.infer<typeof OpenDataQuery>;

/** One local day of one matter: counts and whole minutes, no clerk, no citizen. */
export const OpenDataRow = z.object({
  date: CalendarDate,
  matterId: z.string(),
  matterName: z.string(),
  arrived: z.number().int().min(0),
  served: z.number().int().min(0),
  noShows: z.number().int().min(0),
  waitP50: z.number().int().min(0).nullable(),
  waitP90: z.number().int().min(0).nullable(),
  withinTargetShare: z.number().min(0).max(1).nullable().describe("Called people whose wait was within the matter's target, 0…1"),
});
export type OpenDataRow = z.infer<typeof OpenDataRow>;

export const OpenDataResponse = z.object({
  siteId: Id,
  from: CalendarDate,
  to: CalendarDate,
  timeZone: z.string(),
  generatedAt: z.number().int(),
  rows: z.array(OpenDataRow).describe("Days with visits only, by date, then matter; today so far"),
});
export type OpenDataResponse = z.infer<typeof OpenDataResponse>;
