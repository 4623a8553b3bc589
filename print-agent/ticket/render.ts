// Renders a ticket document: to ESC/POS bytes in code page 852 (Polish letters) for a printer,
// and to SVG, then PNG, for a preview (the virtual printer and `--test-print`).
import { transform } from "receiptline";
import sharp from "sharp";
import type { PrintJob } from "../../protocol/live.ts";
import type { Paper } from "../config.ts";
import type { TicketOptions } from "./document.ts";
import { PAPER, ticketDocument } from "./document.ts";

export type CommandSet = "escpos" | "generic";

export interface RenderedTicket {
  jobId: string;
  number: string;
  /** The document, kept for previews. */
  document: string;
  paper: Paper;
  /** What goes to the printer: initialise, text and raster QR code, cut. */
  bytes: Uint8Array;
}

export function renderTicket(job: PrintJob, opts: TicketOptions, commands: CommandSet): RenderedTicket {
  const document = ticketDocument(job.ticket, opts);
  return { jobId: job.id, number: job.ticket.number, document, paper: opts.paper, bytes: escposBytes(document, opts.paper, commands) };
}

export function escposBytes(document: string, paper: Paper, commands: CommandSet): Uint8Array {
  const out = transform(document, {
    cpl: PAPER[paper].cpl,
    encoding: "cp852",
    command: commands,
    cutting: true,
    spacing: true,
    gradient: false,
  });
  // receiptline returns the command bytes as a "binary" string: one char per byte.
  return new Uint8Array(Buffer.from(out, "latin1"));
}

export function ticketSvg(document: string, paper: Paper): string {
  const svg = transform(document, { cpl: PAPER[paper].cpl, encoding: "cp852", command: "svg", spacing: true });
  // Drop the web-font import: the preview uses the machine's monospace font and never the network.
  return svg.replace(/@import url\([^)]*\);/g, "");
}

/** A PNG of the ticket on white paper. */
export async function ticketPng(document: string, paper: Paper): Promise<Buffer> {
  return sharp(Buffer.from(ticketSvg(document, paper)))
    .flatten({ background: "#ffffff" })
    .png()
    .toBuffer();
}
