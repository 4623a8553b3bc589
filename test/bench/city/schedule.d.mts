// Types of test/bench/city/schedule.mjs.
import type { Prng } from "../../../objects/sim/prng.ts";

export declare const WALK_INS_PER_DESK_HOUR: number;
export declare const SERVICE_RATIO: number;
export declare const SERVICE_SIGMA: number;
export declare function siteDay(openingHours: Record<string, [string, string][]>, weekday: string): { open: number; close: number } | null;
export declare function walkInMinutes(o: { span: number; desks: number; seed: number; stream?: string }): number[];
export declare function serviceMinutes(rng: Prng, configuredMinutes: number): number;
export declare function clock(speed: number): { msOf: (minutes: number) => number; minutesOf: (ms: number) => number };
export declare function runSpeed(spans: number[], minutes: number | undefined): number;
