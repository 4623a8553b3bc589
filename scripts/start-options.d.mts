// Types of scripts/start-options.mjs (plain JavaScript, so that `npm start` runs it on any Node).

export declare const DEFAULT_PORT: number;

export interface InterfaceAddress {
  address: string;
  family: string | number;
  internal: boolean;
}

export declare function lanAddress(interfaces: Record<string, InterfaceAddress[] | undefined>): string | null;

export declare function startOptions(argv: string[], env: Record<string, string | undefined>): { port: number; lan: boolean | string };

export declare function redactLine(line: string): string;
