// Types of scripts/faults/tally.mjs.

export interface Answer {
  key: string;
  id: string;
}

export declare function tally(input: { answers: Answer[]; stored: string[] }): { lost: number; doubled: number };
