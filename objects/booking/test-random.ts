// Deterministic random sources for the booking tests (not used by production code).
import type { RandomInt } from "./random.ts";

/** Gives the listed values in turn (each must fit the asked range), then throws. */
export function sequence(...values: number[]): RandomInt {
  let i = 0;
  return () => {
    const v = values[i++];
    if (v === undefined) throw new Error("test random source ran out of values");
    return v;
  };
}

/** A simple deterministic hash that differs from the code itself. */
export const testHash = (code: string): string => `h(${[...code].reverse().join("")})`;
