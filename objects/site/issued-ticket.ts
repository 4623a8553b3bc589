// A ticket just taken, as the citizen gets it: the answer (number, who waits ahead, the wait as a range and
// its middle, the e-ticket link), the slip a kiosk prints, and the estimate stored with it. The site object
// (commands/queue.ts admit) and the print agent working locally (print-agent/continuity/local-site.ts) both
// build it here, so the answer and the printed ticket carry the same fields in both.
// No workerd here, and types only as `import type`: the agent runs this file under Node's type stripping.
import type { IssuedTicket } from "../../protocol/api.ts";
import type { SiteConfig } from "../../protocol/config.ts";
import type { PrintJob } from "../../protocol/live.ts";
import type { QueueState, Ticket } from "../queue/model.ts";
import { priorityOrderOf } from "../queue/order.ts";
import { aheadInQueue } from "../queue/tally.ts";
import { rangeMiddle } from "../queue/wait-range.ts";
import { eticketUrl } from "./tickets.ts";
import type { ViewBuilder } from "./views.ts";

/** Where a ticket was just taken: the queue it joined, the office, and the kiosk that asked for its slip. */
export interface IssuePlace {
  /**
   * The queue the ticket joins (with or without it: a ticket is never ahead of itself), and the views over
   * the queue with it (its wait, its taking time as shown).
   */
  queue: QueueState;
  views: Pick<ViewBuilder, "range" | "ticket">;
  /** The office: the slip's header and the order its line is called in. */
  config: Pick<SiteConfig, "name" | "city" | "priority">;
  /** The site's public address (the e-ticket link is under it). */
  publicUrl: string;
  matterName: string;
  /** The kiosk that took it and the id of its print job, or null when none did. */
  print: { kioskId: string; jobId: string } | null;
}

/** The estimate stored with a ticket at issue: the middle shown and the range around it. */
export interface IssueEstimate {
  minutes: number;
  low: number;
  high: number;
}

/** The answer to a ticket just taken, its print job (when a kiosk asked) and its estimate. */
export function issuedTicket(ticket: Ticket, place: IssuePlace): { issued: IssuedTicket; print: PrintJob | null; estimate: IssueEstimate } {
  // One pass for this ticket alone; the e-ticket flush computes every position at once.
  const ahead = aheadInQueue(ticket, place.queue, priorityOrderOf(place.config.priority));
  const range = place.views.range(ticket, ahead) ?? { low: 0, high: 0 };
  const issued: IssuedTicket = {
    id: ticket.id,
    number: ticket.number,
    matterId: ticket.matterId,
    status: ticket.status,
    waitingAhead: ahead,
    estimatedWaitMinutes: rangeMiddle(range),
    estimatedWait: range,
    eticketUrl: eticketUrl(place.publicUrl, ticket.token),
    takenAt: place.views.ticket(ticket).takenAt,
    ...(ticket.priority ? { priority: true as const } : {}),
    ...(ticket.interpreter ? { interpreter: true as const } : {}),
  };
  const print: PrintJob | null = place.print
    ? {
        id: place.print.jobId,
        kind: "print",
        kioskId: place.print.kioskId,
        createdAt: issued.takenAt,
        ticket: {
          number: ticket.number,
          matterName: place.matterName,
          siteName: place.config.name,
          city: place.config.city,
          waitingAhead: issued.waitingAhead,
          estimatedWaitMinutes: issued.estimatedWaitMinutes,
          estimatedWait: range,
          takenAt: issued.takenAt,
          eticketUrl: issued.eticketUrl,
          ...(ticket.priority ? { priority: true as const } : {}),
        },
      }
    : null;
  return { issued, print, estimate: { minutes: issued.estimatedWaitMinutes, low: range.low, high: range.high } };
}
