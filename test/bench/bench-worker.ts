// Worker of the benchmark: the real numerek Worker and objects, unchanged, plus the baseline
// object under /bench/baseline/* (see baseline-object.ts). Used only by wrangler.bench.jsonc.

import type { Env } from "../../worker/env.ts";
import numerek from "../../worker/index.ts";
import type { BenchBaseline } from "./baseline-object.ts";

export { Directory, Pairings, Registry, SendLimits, SiteQueue } from "../../worker/index.ts";
export { BenchBaseline } from "./baseline-object.ts";

interface BenchEnv extends Env {
  BASELINE: DurableObjectNamespace<BenchBaseline>;
}

export default {
  fetch(request, env, ctx) {
    if (new URL(request.url).pathname.startsWith("/bench/baseline/")) {
      return env.BASELINE.get(env.BASELINE.idFromName("baseline")).fetch(request);
    }
    return numerek.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<BenchEnv>;
