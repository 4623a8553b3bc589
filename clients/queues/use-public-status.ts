// The offices of the page (all, or one organisation's) and each one's live status, read from the public
// routes at once and then every 15 seconds (what the edge caches them for). A failed refresh keeps the
// figures already shown and says so; an unknown organisation is told as such.
import { useEffect, useState } from "preact/hooks";
import type { PublicSiteStatus, PublicSiteSummary } from "../../protocol/public-status.ts";
import { call, errorCode } from "../shared/api.ts";

export const REFRESH_MS = 15_000;

export type Problem = "unknownOrg" | "failed";

export interface PublicStatusState {
  sites: PublicSiteSummary[] | null;
  statuses: Record<string, PublicSiteStatus>;
  problem: Problem | null;
}

export function usePublicStatus(org: string | null): PublicStatusState {
  const [state, setState] = useState<PublicStatusState>({ sites: null, statuses: {}, problem: null });
  useEffect(() => {
    let stopped = false;
    async function refresh(): Promise<void> {
      try {
        const { sites } = await call("publicSites", { query: org ? { org } : {} });
        const answers = await Promise.allSettled(sites.map((s) => call("publicSiteStatus", { params: { siteId: s.id } })));
        if (stopped) return;
        setState((prev) => {
          const statuses: Record<string, PublicSiteStatus> = {};
          answers.forEach((a, i) => {
            const id = sites[i]?.id;
            if (!id) return;
            const known = a.status === "fulfilled" ? a.value : prev.statuses[id];
            if (known) statuses[id] = known;
          });
          const failed = answers.some((a) => a.status === "rejected");
          return { sites, statuses, problem: failed ? "failed" : null };
        });
      } catch (err) {
        if (stopped) return;
        const problem: Problem = errorCode(err) === "UNKNOWN_ORGANISATION" ? "unknownOrg" : "failed";
        setState((prev) => ({ ...prev, sites: problem === "unknownOrg" ? [] : prev.sites, problem }));
      }
    }
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [org]);
  return state;
}
