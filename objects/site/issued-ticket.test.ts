// A ticket just taken: the answer the citizen gets and the slip the kiosk prints say the same thing (the
// number, who waits ahead in the site's priority order, the wait as a range and its middle, the e-ticket
// link, the priority mark); the estimate stored with it is the one shown.
import { describe, expect, it } from "vitest";
import { SiteConfig } from "../../protocol/config.ts";
import { PrintJob } from "../../protocol/live.ts";
import { testSiteConfig } from "../../test/site-config.ts";
import type { Ticket } from "../queue/model.ts";
import { desk, MIN, stateOf, T0, ticket } from "../queue/test-fixtures.ts";
import { forecastAt } from "./forecast.ts";
import { issuedTicket } from "./issued-ticket.ts";
import { indexSite } from "./site-index.ts";
import { ViewBuilder } from "./views.ts";

const config = SiteConfig.parse(testSiteConfig("demo", { priority: { enabled: true, mode: "first" } }));
const index = indexSite(config);
const NOW = T0 + 5 * MIN;

/** The office's line of "Rejestracja pojazdu" with an earlier priority ticket and a plain one, and the ticket just taken. */
function placeOf(taken: Ticket, print: { kioskId: string; jobId: string } | null) {
  const queue = stateOf([ticket("R001", "rej", T0, { priority: true }), ticket("R002", "rej", T0 + MIN), taken], [desk("d1"), desk("d2")]);
  return {
    queue,
    views: new ViewBuilder(index, queue, new Map(), forecastAt(index, NOW, new Map())),
    config,
    publicUrl: "https://numerek.example.pl/",
    matterName: "Rejestracja pojazdu",
    print,
  };
}

describe("issuedTicket", () => {
  const flagged = ticket("R003", "rej", NOW, { id: "tk_1", token: "secret", priority: true, interpreter: true });

  it("answers a priority ticket with an interpreter: ahead only of the earlier priority ticket, and no slip without a kiosk", () => {
    const { issued, print, estimate } = issuedTicket(flagged, placeOf(flagged, null));
    expect(issued).toMatchObject({
      id: "tk_1",
      number: "R003",
      matterId: "rej",
      status: "waiting",
      waitingAhead: 1,
      eticketUrl: "https://numerek.example.pl/t/secret",
      priority: true,
      interpreter: true,
    });
    const { low, high } = issued.estimatedWait;
    expect(low).toBeGreaterThan(0);
    expect(issued.estimatedWaitMinutes).toBe(Math.round((low + high) / 2));
    expect(print).toBeNull();
    expect(estimate).toEqual({ minutes: issued.estimatedWaitMinutes, low, high });
  });

  it("prints at the kiosk that asked the same wait, link and priority mark as the answer", () => {
    const place = placeOf(flagged, { kioskId: "k1", jobId: "job_abc" });
    const { issued, print } = issuedTicket(flagged, place);
    expect(print).toEqual({
      id: "job_abc",
      kind: "print",
      kioskId: "k1",
      createdAt: issued.takenAt,
      ticket: {
        number: "R003",
        matterName: "Rejestracja pojazdu",
        siteName: "Urząd testowy demo",
        city: "Testowo",
        waitingAhead: 1,
        estimatedWaitMinutes: issued.estimatedWaitMinutes,
        estimatedWait: issued.estimatedWait,
        takenAt: issued.takenAt,
        eticketUrl: "https://numerek.example.pl/t/secret",
        priority: true,
      },
    });
    expect(issued.takenAt).toBe(place.views.ticket(flagged).takenAt);
    // The slip is a job the agent accepts as it is.
    expect(PrintJob.parse(print)).toEqual(print);
  });

  it("leaves the marks out of a plain ticket's answer and slip, which waits behind both", () => {
    const plain = ticket("R004", "rej", NOW, { token: "other" });
    const { issued, print } = issuedTicket(plain, placeOf(plain, { kioskId: "k1", jobId: "job_def" }));
    expect(issued.waitingAhead).toBe(2);
    expect(issued).not.toHaveProperty("priority");
    expect(issued).not.toHaveProperty("interpreter");
    expect(print?.ticket).not.toHaveProperty("priority");
    expect(print?.ticket.waitingAhead).toBe(2);
    expect(print?.ticket.eticketUrl).toBe("https://numerek.example.pl/t/other");
  });

  it("counts the same people ahead over the queue the ticket joins, before it is in it", () => {
    const plain = ticket("R004", "rej", NOW, { token: "other" });
    const place = placeOf(plain, null);
    const before = stateOf(
      [...place.queue.tickets.values()].filter((t) => t.id !== plain.id),
      [desk("d1"), desk("d2")],
    );
    expect(issuedTicket(plain, { ...place, queue: before }).issued).toEqual(issuedTicket(plain, place).issued);
    expect(issuedTicket(flagged, { ...placeOf(flagged, null), queue: before }).issued.waitingAhead).toBe(1);
  });
});
