// Types of scripts/faults/table.mjs.

export interface FaultRow {
  fault: string;
  expected: string;
  observed: string;
  /** null: the row was not run. */
  lost: number | null;
  doubled: number | null;
  passed: boolean;
}

export declare function cell(value: unknown): string;
export declare function formatTable(rows: FaultRow[]): string;
export declare function summary(rows: FaultRow[]): string;
