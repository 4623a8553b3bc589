// Worker of the benchmark: the real numerek Worker and objects, unchanged, plus the baseline
// object under /bench/baseline/* (see baseline-object.ts) and, for the reports bench, a site's simulated
// history under POST /bench/history/{siteId} (the demo's own entry point, SiteQueue.loadHistory, which
// answers the site's SQLite size too). Used only by wrangler.bench.jsonc.

import type { Env } from "../../worker/env.ts";
import numerek from "../../worker/index.ts";
import type { BenchBaseline } from "./baseline-object.ts";

export { Directory, Pairings, Registry, SendLimits, SiteQueue } from "../../worker/index.ts";
export { BenchBaseline } from "./baseline-object.ts";

interface BenchEnv extends Env {
  BASELINE: DurableObjectNamespace<BenchBaseline>;
}

export default {
  async fetch(request, env, ctx) {
    const path = new URL(request.url).pathname;
    if (path.startsWith("/bench/baseline/")) {
      return env.BASELINE.get(env.BASELINE.idFromName("baseline")).fetch(request);
    }
    const history = /^\/bench\/history\/([a-z0-9-]+)$/.exec(path);
    if (history?.[1] && request.method === "POST") {
      const body: { days: number; visitsPerDay?: number } = await request.json();
      const r = await env.SITE.get(env.SITE.idFromName(history[1])).loadHistory(body);
      return Response.json(r, { status: r.ok ? 200 : 400 });
    }
    return numerek.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<BenchEnv>;
