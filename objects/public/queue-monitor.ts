// The public status as FIWARE Smart Data Models QueueMonitor entities (dataModel.QueueManagement), one per
// matter, in NGSI-LD's normalized form (each attribute {type: "Property", value}) or as key-values.
import type { PublicMatterStatus, PublicSiteStatus } from "../../protocol/public-status.ts";

export const SMART_DATA_MODELS_CONTEXT = "https://smart-data-models.github.io/data-models/context.jsonld";

export type QueueMonitorForm = "normalized" | "keyValues";
type Entity = { id: string; type: "QueueMonitor"; "@context": string[] } & Record<string, unknown>;

/** The digits a ticket number ends with (12 of "A012"), or null. */
function serial(number: string | null): number | null {
  const m = number ? /(\d+)$/.exec(number) : null;
  return m ? Number(m[1]) : null;
}

function attributes(status: PublicSiteStatus, m: PublicMatterStatus): Record<string, unknown> {
  const attrs: Record<string, unknown> = {
    name: `${status.name} – ${m.name}`,
    officeName: status.name,
    serviceName: m.name,
    serviceId: m.id,
    localId: `${status.siteId}/${m.id}`,
    serviceStatus: m.open ? "Open" : "Closed",
    queueLine: m.prefix,
    linePriority: 1,
    ticketsToServe: m.waiting,
    address: { streetAddress: status.address, addressLocality: status.city, addressCountry: "PL" },
    dataProvider: "numerek",
    dateModified: new Date(status.generatedAt).toISOString(),
  };
  const issued = serial(m.lastIssued);
  if (issued !== null && m.lastIssued !== null) {
    attrs.lastTicketIssued = issued;
    attrs.lastTicketIssuedLabel = m.lastIssued;
  }
  const served = serial(m.lastCalled);
  if (served !== null && m.lastCalled !== null) {
    attrs.ticketServed = served;
    attrs.ticketServedLabel = m.lastCalled;
  }
  return attrs;
}

/** NGSI-LD's normalized form: every attribute a Property (dateModified a DateTime value). */
function normalized(attrs: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attrs)) {
    out[k] = k === "dateModified" ? { type: "Property", value: { "@type": "DateTime", "@value": v } } : { type: "Property", value: v };
  }
  return out;
}

export function queueMonitors(status: PublicSiteStatus, form: QueueMonitorForm): Entity[] {
  return status.matters.map((m) => {
    const attrs = attributes(status, m);
    return {
      id: `urn:ngsi-ld:QueueMonitor:${status.siteId}:${m.id}`,
      type: "QueueMonitor",
      ...(form === "normalized" ? normalized(attrs) : attrs),
      "@context": [SMART_DATA_MODELS_CONTEXT],
    };
  });
}
