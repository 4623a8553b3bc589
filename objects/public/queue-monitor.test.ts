// FIWARE QueueMonitor entities from the public status: the model's attribute names, both NGSI-LD forms.
import { describe, expect, it } from "vitest";
import type { PublicSiteStatus } from "../../protocol/public-status.ts";
import { queueMonitors, SMART_DATA_MODELS_CONTEXT } from "./queue-monitor.ts";

const status: PublicSiteStatus = {
  siteId: "wola",
  name: "Urząd Dzielnicy Wola",
  city: "Warszawa",
  address: "al. Solidarności 90",
  timeZone: "Europe/Warsaw",
  date: "2026-11-30",
  time: "10:00",
  generatedAt: Date.parse("2026-11-30T09:00:00Z"),
  matters: [
    {
      id: "dowod",
      name: "Dowód osobisty",
      departmentId: "so",
      departmentName: "Sprawy obywatelskie",
      prefix: "D",
      open: true,
      openDesks: 2,
      waiting: 4,
      lastCalled: "D007",
      lastIssued: "D011",
      serviceMinutes: 10,
      waitRange: { low: 10, high: 20 },
    },
  ],
};

describe("QueueMonitor entities", () => {
  it("key-values: the model's attribute names, ticket numbers split into number and label", () => {
    const [e] = queueMonitors(status, "keyValues");
    expect(e).toEqual({
      id: "urn:ngsi-ld:QueueMonitor:wola:dowod",
      type: "QueueMonitor",
      name: "Urząd Dzielnicy Wola – Dowód osobisty",
      officeName: "Urząd Dzielnicy Wola",
      serviceName: "Dowód osobisty",
      serviceId: "dowod",
      localId: "wola/dowod",
      serviceStatus: "Open",
      queueLine: "D",
      linePriority: 1,
      ticketsToServe: 4,
      lastTicketIssued: 11,
      lastTicketIssuedLabel: "D011",
      ticketServed: 7,
      ticketServedLabel: "D007",
      address: { streetAddress: "al. Solidarności 90", addressLocality: "Warszawa", addressCountry: "PL" },
      dataProvider: "numerek",
      dateModified: "2026-11-30T09:00:00.000Z",
      "@context": [SMART_DATA_MODELS_CONTEXT],
    });
  });

  it("normalized: every attribute a Property, dateModified a DateTime", () => {
    const [e] = queueMonitors(status, "normalized");
    expect(e?.serviceStatus).toEqual({ type: "Property", value: "Open" });
    expect(e?.ticketsToServe).toEqual({ type: "Property", value: 4 });
    expect(e?.dateModified).toEqual({ type: "Property", value: { "@type": "DateTime", "@value": "2026-11-30T09:00:00.000Z" } });
    expect(e?.id).toBe("urn:ngsi-ld:QueueMonitor:wola:dowod");
  });
});
