// The demo site as the fault rows use it: its configuration, its local day, today's figures.
import { must } from "./http.mjs";

/** The date (YYYY-MM-DD) in `timeZone` at `at`. */
export function localDate(timeZone, at = new Date()) {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export async function demoConfig(base, admin) {
  const body = await must(base, "/api/v1/sites/demo/config", { token: admin });
  return body.config ?? body;
}

/** Changes the demo site's configuration (`change(config)` returns the new one). */
export async function changeDemo(base, admin, change) {
  const config = await demoConfig(base, admin);
  await must(base, "/api/v1/sites/demo?org=demo", { method: "PUT", token: admin, json: change(config) });
}

/** The site's totals for `day` (protocol/statistics.ts). */
export async function figures(base, admin, day) {
  const stats = await must(base, `/api/v1/sites/demo/statistics?from=${day}&to=${day}`, { token: admin });
  const { served, arrived, closed, cancelled, open } = stats.totals;
  return { served, arrived, closed, cancelled, open };
}
