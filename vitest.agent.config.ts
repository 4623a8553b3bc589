// The agent-process tier (npm run test:agent): the print agent against stand-in servers over real
// sockets (a fake site object, stand-in ESC/POS printers) and with the real espeak-ng and sox
// (voice clips, announcements). Slower than the pure tier; needs `apt install espeak-ng sox`.
import { defineConfig } from "vitest/config";
import { AGENT_PROCESS_TESTS } from "./vitest.unit.config.ts";

export default defineConfig({
  test: {
    include: [AGENT_PROCESS_TESTS.replace(/\*\*$/, "**/*.test.ts")],
    environment: "node",
    // Building the clip bank spawns espeak-ng and sox for every clip.
    testTimeout: 60_000,
  },
});
