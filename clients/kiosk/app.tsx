// The kiosk's screens: departments → matters → the issued ticket (with its e-ticket QR),
// and "Mam rezerwację" → the check-in code keypad → the booking's ticket, shown like a walk-in's.
// Any screen returns to the start when idle. When the print agent reports this kiosk's printer as not
// ready, the start screen says so and the ticket screen says the ticket was not printed (scan the QR).
// A matter closed for today (the closing cut-off) prints nothing: its screen offers a booking instead, and,
// when only the forecast closed it, a priority ticket (a citizen who chose priority sees such a matter open).
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { IssuedTicket } from "../../protocol/api.ts";
import type { HallSite } from "../../protocol/live.ts";
import { VersionNotice } from "../shared/components.tsx";
import { useNow, useSites } from "../shared/hooks.ts";
import { type Lang, useI18n } from "../shared/i18n.tsx";
import { useCloudStatus, useContinuity } from "../shared/use-continuity.ts";
import { BookingCode } from "./booking-code.tsx";
import type { Box } from "./clear-of.ts";
import { ClosureNotice } from "./closure-notice.tsx";
import { CutOffScreen } from "./cut-off-screen.tsx";
import { Departments } from "./departments.tsx";
import { catalogueOf, closedTodayFor, matterLabel, useHallState } from "./hall-state.ts";
import { HoursNote } from "./hours-note.tsx";
import { matterWaits } from "./matter-waits.ts";
import { Matters } from "./matters.tsx";
import { NeedsChoices } from "./needs-choices.tsx";
import { officeNow } from "./office-hours.ts";
import { OfflineNote, OfflineWords } from "./offline-note.tsx";
import { PrinterNote } from "./printer-note.tsx";
import { PriorityScreen } from "./priority-screen.tsx";
import { NO_NEEDS, type TicketNeeds } from "./ticket-needs.ts";
import { TicketScreen } from "./ticket-screen.tsx";
import { useCheckIn } from "./use-check-in.ts";
import { useIdle } from "./use-idle.ts";
import { useIssue } from "./use-issue.ts";
import { useReachable } from "./use-reachable.ts";
import { useSettle } from "./use-settle.ts";

type Screen =
  | { kind: "departments" }
  /** from: where the department's button was (no matter is drawn there). */
  | { kind: "matters"; departmentId: string; from: Box | null }
  /** printed: false when the printer was known to be down as the ticket was issued. */
  | { kind: "ticket"; ticket: IssuedTicket; matterName: string; printed: boolean }
  | { kind: "booking" }
  /** The matter is closed for today (the closing cut-off): a booking is offered instead of a ticket. */
  | { kind: "cut-off"; matterId: string }
  /** "Pierwszeństwo obsługi": the site's groups, before the matter is chosen. */
  | { kind: "priority" };

/** Idle time before returning to the start; an installation may tune it with ?idle=<seconds>. */
const idleParam = Number(new URLSearchParams(location.search).get("idle"));
const IDLE_MS = idleParam >= 1 && idleParam <= 600 ? idleParam * 1000 : 30_000;
const TICKET_IDLE_MS = Math.min(IDLE_MS, 25_000);

function matterName(site: HallSite, matterId: string, lang: Lang): string {
  const m = site.departments.flatMap((d) => d.matters).find((x) => x.id === matterId);
  return m ? matterLabel(m, lang) : matterId;
}

export function KioskApp(props: { siteId: string; token: string; deviceId?: string; onAuthLost: () => void }) {
  const { t, lang, setLang } = useI18n();
  const { sites, error } = useSites();
  // The cloud, or the office's print agent while the office is cut off: the kiosk looks the same either way.
  const route = useContinuity(props.siteId, props.token, "kiosk");
  const reach = useReachable(route.origin);
  const report = useCallback(
    (ok: boolean) => {
      reach.report(ok);
      route.report(ok);
    },
    [reach.report, route.report],
  );
  const [screen, setScreen] = useState<Screen>({ kind: "departments" });
  const [needs, setNeeds] = useState<TicketNeeds>(NO_NEEDS);
  const issue = useIssue(props.siteId, route, report, needs);
  const checkIn = useCheckIn(props.siteId, route, report);
  const {
    view,
    printer,
    closed,
    full,
    closedToday: closedForAll,
    priorityOpen,
    ended,
    status,
  } = useHallState(props.siteId, route, props.deviceId);
  useCloudStatus(route, status);
  // Closed for today for this visit: a priority ticket chosen, a matter closed by the forecast alone is open to it.
  const closedToday = closedTodayFor(closedForAll, priorityOpen, needs.priority);
  // The cut-off screen's "Pobierz numerek z pierwszeństwem": priority is chosen first, the ticket taken once that is rendered.
  const [priorityTake, setPriorityTake] = useState<string | null>(null);
  const takeRef = useRef<(matterId: string) => Promise<void>>(() => Promise.resolve());
  useEffect(() => {
    if (priorityTake === null || !needs.priority) return;
    setPriorityTake(null);
    void takeRef.current(priorityTake);
  }, [priorityTake, needs.priority]);
  // Outside the office's hours the start screen says so; checked again every half minute.
  const now = useNow(30_000);
  const office = view ? officeNow(view.hours, now) : null;

  // Back, "Gotowe" and a closure return to the start in the language chosen; only going idle brings the
  // next citizen's Polish back (also from the start screen, where a chosen language would otherwise stay).
  const restart = useCallback(() => {
    issue.reset();
    checkIn.reset();
    setScreen({ kind: "departments" });
  }, [issue, checkIn]);
  const idle = useCallback(() => {
    restart();
    setNeeds(NO_NEEDS);
    setLang("pl");
  }, [restart, setLang]);
  useIdle(
    screen.kind !== "departments" || lang !== "pl" || needs.priority || needs.interpreter,
    screen.kind === "ticket" ? TICKET_IDLE_MS : IDLE_MS,
    idle,
  );

  useEffect(() => {
    if (issue.authLost || checkIn.authLost) props.onAuthLost();
  }, [issue.authLost, checkIn.authLost]);

  // A closure ends the visit in progress: when it is lifted the next citizen starts from the beginning.
  const closure = view?.site.closure ?? null;
  useEffect(() => {
    if (closure !== null && screen.kind !== "ticket" && screen.kind !== "departments") restart();
  }, [closure]);
  // The cut-off came between the live view and the tap: the refusal shows the booking offer all the same.
  const refused = issue.error?.code === "MATTER_CLOSED_FOR_TODAY" ? issue.error.matterId : null;
  useEffect(() => {
    if (refused !== null && screen.kind === "matters") setScreen({ kind: "cut-off", matterId: refused });
  }, [refused]);
  // Priority service turned off while its screen is shown: back to the start.
  const offersPriority = view?.site.priority !== undefined;
  useEffect(() => {
    if (!offersPriority && screen.kind === "priority") setScreen({ kind: "departments" });
  }, [offersPriority, screen.kind]);
  // Each new screen ignores taps for a moment (a slow double tap must not choose what nobody saw).
  const shown =
    closure !== null && screen.kind !== "ticket" ? "closed" : screen.kind === "matters" ? `matters:${screen.departmentId}` : screen.kind;
  const settling = useSettle(shown);
  const listed = sites?.find((s) => s.id === props.siteId);
  if (!sites) {
    return (
      <main class="kiosk kiosk-center">
        <p class="kiosk-status">{error === "NETWORK" ? <OfflineWords /> : t("common.loading")}</p>
      </main>
    );
  }
  if (!listed) {
    return (
      <main class="kiosk kiosk-center">
        <p class="kiosk-status" role="alert">
          {t("common.unknownSite")}
        </p>
      </main>
    );
  }

  // The configuration as the hall shows it, live: names, hints and a temporary closure follow the manager's changes.
  const site = catalogueOf(view, listed);
  const siteName = view?.siteName ?? listed.name;
  const take = async (matterId: string) => {
    // Closed for today: no ticket is asked for, the booking offer is shown at once.
    if (closedToday.has(matterId)) return setScreen({ kind: "cut-off", matterId });
    const ticket = await issue.take(matterId);
    if (ticket) setNeeds(NO_NEEDS);
    if (ticket) setScreen({ kind: "ticket", ticket, matterName: matterName(site, ticket.matterId, lang), printed: !printer.down });
  };
  takeRef.current = take;
  // A department the manager has just removed sends the kiosk back to the start.
  const department = screen.kind === "matters" ? site.departments.find((d) => d.id === screen.departmentId) : undefined;
  // While the office is closed for a while nothing can be taken or checked in: its notice replaces the choices (a ticket on screen stays).
  const closedNow = site.closure !== null && screen.kind !== "ticket";

  return (
    <div class="kiosk" aria-disabled={settling ? "true" : undefined} data-link={route.local ? "local" : "cloud"}>
      {ended === "version" ? <VersionNotice /> : !reach.online && <OfflineNote />}
      {closedNow && <ClosureNotice siteName={siteName} message={site.closure ?? ""} />}
      {!closedNow && (screen.kind === "departments" || (screen.kind === "matters" && !department)) && (
        <Departments
          siteName={siteName}
          departments={site.departments}
          printerNote={printer.down ? <PrinterNote /> : null}
          hoursNote={office && !office.open ? <HoursNote office={office} /> : null}
          onDepartment={(id, from) => setScreen({ kind: "matters", departmentId: id, from })}
          onBooking={() => setScreen({ kind: "booking" })}
          needs={<NeedsChoices site={site} needs={needs} onPriority={() => setScreen({ kind: "priority" })} onNeeds={setNeeds} />}
        />
      )}
      {!closedNow && department && (
        <Matters
          department={department}
          avoid={screen.kind === "matters" ? screen.from : null}
          issue={issue}
          closed={closed}
          full={full}
          closedToday={closedToday}
          priorityOnly={needs.priority ? priorityOpen : undefined}
          waits={matterWaits(view)}
          onTake={(id) => void take(id)}
          onBack={restart}
        />
      )}
      {!closedNow && screen.kind === "priority" && site.priority && (
        <PriorityScreen
          priority={site.priority}
          onContinue={() => {
            setNeeds((n) => ({ ...n, priority: true }));
            setScreen({ kind: "departments" });
          }}
          onBack={restart}
        />
      )}
      {screen.kind === "ticket" && (
        <TicketScreen ticket={screen.ticket} matterName={screen.matterName} printed={screen.printed} onDone={restart} />
      )}
      {!closedNow && screen.kind === "cut-off" && (
        <CutOffScreen
          siteId={props.siteId}
          matterId={screen.matterId}
          matterName={matterName(site, screen.matterId, lang)}
          today={view?.hours.days[0]?.date ?? new Date().toISOString().slice(0, 10)}
          priority={
            site.priority && priorityOpen.has(screen.matterId)
              ? {
                  groups: site.priority.groups,
                  busy: issue.busy !== null || priorityTake !== null,
                  // Only the priority ticket's own refusal (a normal one's brought the citizen here).
                  error: needs.priority && issue.error?.matterId === screen.matterId ? issue.error.code : null,
                  onTake: () => {
                    setNeeds((n) => ({ ...n, priority: true }));
                    setPriorityTake(screen.matterId);
                  },
                }
              : undefined
          }
          onBack={restart}
        />
      )}
      {!closedNow && screen.kind === "booking" && (
        <BookingCode
          checkIn={checkIn}
          onTicket={(ticket) =>
            setScreen({ kind: "ticket", ticket, matterName: matterName(site, ticket.matterId, lang), printed: !printer.down })
          }
          onBack={restart}
        />
      )}
    </div>
  );
}
