// Types of scripts/faults/options.mjs.

export declare const DEFAULT_OUTAGE_MINUTES: number;
export declare function faultOptions(argv: string[], names: string[]): { only: string[]; outageMinutes: number };
