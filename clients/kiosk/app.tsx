// The kiosk's screens: departments → matters → the issued ticket (with its e-ticket QR),
// and "Mam rezerwację" → the check-in code keypad → the booking's ticket, shown like a walk-in's.
// Any screen returns to the start when idle. When the print agent reports this kiosk's printer as not
// ready, the start screen says so and the ticket screen says the ticket was not printed (scan the QR).
import { useCallback, useEffect, useState } from "preact/hooks";
import type { IssuedTicket, PublicSite } from "../../protocol/api.ts";
import { VersionNotice } from "../shared/components.tsx";
import { useSites } from "../shared/hooks.ts";
import { useI18n } from "../shared/i18n.tsx";
import { BookingCode } from "./booking-code.tsx";
import { Departments } from "./departments.tsx";
import { useHallState } from "./hall-state.ts";
import { Matters } from "./matters.tsx";
import { OfflineNote } from "./offline-note.tsx";
import { PrinterNote } from "./printer-note.tsx";
import { TicketScreen } from "./ticket-screen.tsx";
import { useCheckIn } from "./use-check-in.ts";
import { useIdle } from "./use-idle.ts";
import { useIssue } from "./use-issue.ts";
import { useReachable } from "./use-reachable.ts";

type Screen =
  | { kind: "departments" }
  | { kind: "matters"; departmentId: string }
  /** printed: false when the printer was known to be down as the ticket was issued. */
  | { kind: "ticket"; ticket: IssuedTicket; matterName: string; printed: boolean }
  | { kind: "booking" };

/** Idle time before returning to the start; an installation may tune it with ?idle=<seconds>. */
const idleParam = Number(new URLSearchParams(location.search).get("idle"));
const IDLE_MS = idleParam >= 1 && idleParam <= 600 ? idleParam * 1000 : 30_000;
const TICKET_IDLE_MS = Math.min(IDLE_MS, 25_000);

function matterName(site: PublicSite, matterId: string): string {
  return site.departments.flatMap((d) => d.matters).find((m) => m.id === matterId)?.name ?? matterId;
}

export function KioskApp(props: { siteId: string; token: string; deviceId?: string; onAuthLost: () => void }) {
  const { t, setLang } = useI18n();
  const { sites, error } = useSites();
  const reach = useReachable();
  const [screen, setScreen] = useState<Screen>({ kind: "departments" });
  const issue = useIssue(props.siteId, props.token, reach.report);
  const checkIn = useCheckIn(props.siteId, props.token, reach.report);
  const { printer, closed, ended } = useHallState(props.siteId, props.token, props.deviceId);

  const restart = useCallback(() => {
    issue.reset();
    checkIn.reset();
    setScreen({ kind: "departments" });
    setLang("pl");
  }, [issue, checkIn, setLang]);
  useIdle(screen.kind !== "departments", screen.kind === "ticket" ? TICKET_IDLE_MS : IDLE_MS, restart);

  useEffect(() => {
    if (issue.authLost || checkIn.authLost) props.onAuthLost();
  }, [issue.authLost, checkIn.authLost]);
  const site = sites?.find((s) => s.id === props.siteId);
  if (!sites) {
    return (
      <main class="kiosk kiosk-center">
        <p class="kiosk-status">{error === "NETWORK" ? t("kiosk.offline") : t("common.loading")}</p>
      </main>
    );
  }
  if (!site) {
    return (
      <main class="kiosk kiosk-center">
        <p class="kiosk-status" role="alert">
          {t("common.unknownSite")}
        </p>
      </main>
    );
  }

  const take = async (matterId: string) => {
    const ticket = await issue.take(matterId);
    if (ticket) setScreen({ kind: "ticket", ticket, matterName: matterName(site, ticket.matterId), printed: !printer.down });
  };

  return (
    <div class="kiosk">
      {ended === "version" ? <VersionNotice /> : !reach.online && <OfflineNote />}
      {screen.kind === "departments" && (
        <Departments
          site={site}
          printerNote={printer.down ? <PrinterNote /> : null}
          onDepartment={(id) => setScreen({ kind: "matters", departmentId: id })}
          onBooking={() => setScreen({ kind: "booking" })}
        />
      )}
      {screen.kind === "matters" && (
        <Matters
          department={site.departments.find((d) => d.id === screen.departmentId)!}
          issue={issue}
          closed={closed}
          onTake={(id) => void take(id)}
          onBack={restart}
        />
      )}
      {screen.kind === "ticket" && (
        <TicketScreen ticket={screen.ticket} matterName={screen.matterName} printed={screen.printed} onDone={restart} />
      )}
      {screen.kind === "booking" && (
        <BookingCode
          checkIn={checkIn}
          onTicket={(ticket) =>
            setScreen({ kind: "ticket", ticket, matterName: matterName(site, ticket.matterId), printed: !printer.down })
          }
          onBack={restart}
        />
      )}
    </div>
  );
}
