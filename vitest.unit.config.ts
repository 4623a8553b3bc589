// The pure tier (npm run test:unit): plain functions and in-process objects, no child processes;
// it must stay under 10 s. The print agent's tests that spawn espeak-ng and sox or talk to
// stand-in servers over sockets live in print-agent/test/processes (vitest.agent.config.ts).
import { defineConfig } from "vitest/config";

/** The agent-process tier's folder, left out here. */
export const AGENT_PROCESS_TESTS = "print-agent/test/processes/**";

export default defineConfig({
  test: {
    include: [
      "objects/**/*.test.ts",
      "protocol/**/*.test.ts",
      "clients/**/*.test.ts",
      "print-agent/**/*.test.ts",
      "scripts/*.test.ts",
      "scripts/faults/*.test.ts",
      "test/bench/city/*.test.ts",
    ],
    exclude: [AGENT_PROCESS_TESTS, "**/node_modules/**"],
    environment: "node",
    // Plain functions need no fresh module graph per file: sharing one per worker saves most of the
    // tier's time (starting and importing a worker for each of ~45 files took longer than the tests).
    // Tests that stub globals or fake timers put them back after themselves.
    isolate: false,
  },
});
