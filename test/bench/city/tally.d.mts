// Types of test/bench/city/tally.mjs.

export type Operation =
  | "walk-in"
  | "call-next"
  | "start"
  | "finish"
  | "hold"
  | "storm-hold"
  | "confirm"
  | "check-in"
  | "eticket-read"
  | "eticket-frame";
export interface TallyRow {
  op: Operation;
  title: string;
  count: number;
  errors: number;
  ms: number[];
}
export interface Tally {
  ok(op: Operation, duration: number): void;
  fail(op: Operation, message: string): void;
  rows(): TallyRow[];
  errorCount(): number;
  firstErrors(n: number): string[];
}
export declare const OPERATIONS: [Operation, string][];
export declare function percentile(values: number[], p: number): number | undefined;
export declare function createTally(): Tally;
export declare function formatTable(rows: TallyRow[]): string;
