// What a printer is to the agent, whatever is behind it: a network ESC/POS printer or the virtual
// one of the local demo. Built here from the configuration.
import type { PrinterState } from "../../protocol/live.ts";
import type { PrinterConfig } from "../config.ts";
import type { RenderedTicket } from "../ticket/render.ts";
import { TcpPrinter } from "./tcp-printer.ts";
import { VirtualPrinter } from "./virtual-printer.ts";

export interface StatusReport {
  state: PrinterState;
  paperNearEnd: boolean;
  /** Why it is offline, for the log. */
  detail: string | null;
}

export interface PrinterDevice {
  describe(): string;
  status(): Promise<StatusReport>;
  /** Resolves once the printer has taken the whole ticket; rejects if it could not. */
  print(ticket: RenderedTicket): Promise<void>;
}

export function createPrinter(config: PrinterConfig): PrinterDevice {
  switch (config.type) {
    case "tcp":
      return new TcpPrinter({ host: config.host, port: config.port });
    case "virtual":
      return new VirtualPrinter(config.dir);
  }
}
