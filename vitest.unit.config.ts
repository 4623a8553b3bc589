import { defineConfig } from "vitest/config";
export default defineConfig({ test: { include: ["objects/queue/**/*.test.ts", "objects/booking/**/*.test.ts", "objects/sms/**/*.test.ts", "objects/site/**/*.test.ts", "print-agent/**/*.test.ts", "protocol/**/*.test.ts", "clients/booking/**/*.test.ts", "clients/kiosk/**/*.test.ts"], environment: "node" } });
