// The local demo's printer: every ticket becomes a PNG preview and the raw ESC/POS bytes (.bin,
// what a real printer would have received) in a folder. It is "ready" while that folder is writable.
import { accessSync, constants, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RenderedTicket } from "../ticket/render.ts";
import { ticketPng } from "../ticket/render.ts";
import type { PrinterDevice, StatusReport } from "./device.ts";

export class VirtualPrinter implements PrinterDevice {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  describe(): string {
    return `virtual printer writing to ${this.dir}`;
  }

  async status(): Promise<StatusReport> {
    try {
      mkdirSync(this.dir, { recursive: true });
      accessSync(this.dir, constants.W_OK);
      return { state: "ready", paperNearEnd: false, detail: null };
    } catch (e) {
      return { state: "error", paperNearEnd: false, detail: e instanceof Error ? e.message : String(e) };
    }
  }

  async print(ticket: RenderedTicket): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "");
    const base = join(this.dir, `${stamp}-${safe(ticket.number)}-${safe(ticket.jobId)}`);
    // The preview is drawn before the "printer" takes the bytes: the window between a ticket printed and the
    // agent noting it is then what a real printer's is (its bytes taken, one line in the job file), not a drawing.
    const png = await ticketPng(ticket.document, ticket.paper);
    writeFileSync(`${base}.bin`, ticket.bytes);
    writeFileSync(`${base}.png`, png);
  }
}

function safe(s: string): string {
  return s.replace(/[^\w-]/g, "_");
}
