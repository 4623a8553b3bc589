#!/usr/bin/env node
// npm run sim: one simulated office day on the real queue rules and estimators (objects/sim/), told for a reader.
//   npm run sim -- --seed 7 --shape monday-rush   (shapes: quiet, normal, monday-rush, desk-closing)
//   --tickets   every ticket: what it was shown at issue and its real wait
//   --json      the day's full record instead
// The same seed and shape give the same day, byte for byte.
import { parseArgs } from "node:util";
import { simulateDay } from "../objects/sim/day.ts";
import { isShapeName, SHAPE_NAMES } from "../objects/sim/shapes.ts";
import { daySummary, ticketLines } from "../objects/sim/summary.ts";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "1" },
    shape: { type: "string", default: "normal" },
    tickets: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});
const seed = Number(values.seed);
if (!Number.isInteger(seed) || seed < 0) {
  console.error(`--seed wants a whole number, got ${values.seed}`);
  process.exit(2);
}
if (!isShapeName(values.shape)) {
  console.error(`--shape wants one of ${SHAPE_NAMES.join(", ")}, got ${values.shape}`);
  process.exit(2);
}
const day = simulateDay(values.shape, seed);
if (values.json) {
  console.log(JSON.stringify(day, null, 2));
} else {
  console.log(daySummary(day));
  if (values.tickets) console.log(`\n${ticketLines(day)}`);
}
