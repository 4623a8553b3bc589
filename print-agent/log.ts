// A tiny logger: one line per event with a timestamp, stdout for info and stderr for problems
// (systemd's journal keeps both). Tests pass their own to read what the agent said.
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const consoleLogger: Logger = {
  info: (m) => console.log(`${stamp()} ${m}`),
  warn: (m) => console.error(`${stamp()} WARN ${m}`),
  error: (m) => console.error(`${stamp()} ERROR ${m}`),
};

/** Collects lines in memory (for tests and for the one-shot commands of main.ts). */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  info(m: string): void {
    this.lines.push(`info ${m}`);
  }
  warn(m: string): void {
    this.lines.push(`warn ${m}`);
  }
  error(m: string): void {
    this.lines.push(`error ${m}`);
  }
}

function stamp(): string {
  return new Date().toISOString();
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
