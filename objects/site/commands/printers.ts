// What the site's print agent tells the object, as decisions: a job done, a kiosk printer's state (R2: a
// kiosk whose printer is out shows its QR code instead).
import { fail } from "../../../protocol/errors.ts";
import { assertNever, type ClientMessage, type PrinterState, type UnprintedReason } from "../../../protocol/live.ts";
import { accept, type Decision, refuse } from "../change.ts";
import type { ConfiguredRead } from "../draft.ts";
import { withoutAgent, withPrinterReport } from "../printers.ts";

/** The agent has printed or spoken a job; a job already done (a retried ack) changes nothing. */
export function ackJob(read: ConfiguredRead, jobId: string): Decision<null> {
  return accept(null, read.stores.printers.jobPending(jobId) ? { acks: [jobId] } : {});
}

/** The agent gave up on a print job: it stays on record as not printed (a repeated frame changes nothing). */
export function jobUnprinted(read: ConfiguredRead, jobId: string, reason: UnprintedReason): Decision<null> {
  return accept(null, read.stores.printers.jobPending(jobId) ? { unprinted: [{ jobId, reason }] } : {});
}

/** A person sets a ticket that was not printed aside (it was dealt with): only then is its job acknowledged. */
export function setUnprintedAside(read: ConfiguredRead, jobId: string): Decision<null> {
  return read.stores.printers.jobUnprinted(jobId)
    ? accept(null, { acks: [jobId] })
    : refuse(fail("NOT_FOUND", "No such ticket left unprinted."));
}

/** The site's print agent has no socket open any more: every kiosk printer's state is unknown until it is back. */
export function agentLost(read: ConfiguredRead): Decision<null> {
  const printers = withoutAgent(read.stores.printers.printers(), new Date(read.now).toISOString());
  return accept(null, printers ? { printers } : {});
}

/** A kiosk printer's state as the agent read it; an unchanged state changes nothing. */
export function reportPrinter(read: ConfiguredRead, kioskId: string, state: PrinterState): Decision<null> {
  const kiosk = read.index.config.devices.find((d) => d.id === kioskId && d.kind === "kiosk");
  if (!kiosk) return refuse(fail("VALIDATION_FAILED", `No kiosk ${kioskId} at this site.`));
  const printers = withPrinterReport(read.stores.printers.printers(), kioskId, state, new Date(read.now).toISOString());
  return accept(null, printers ? { printers } : {});
}

/** What a frame of the print agent asks for. */
export function agentFrame(msg: Exclude<ClientMessage, { type: "resync" | "continuity" }>): (read: ConfiguredRead) => Decision<null> {
  switch (msg.type) {
    case "ack":
      return (read) => ackJob(read, msg.jobId);
    case "unprinted":
      return (read) => jobUnprinted(read, msg.jobId, msg.reason);
    case "printer-state":
      return (read) => reportPrinter(read, msg.kioskId, msg.state);
    default:
      return assertNever(msg);
  }
}
