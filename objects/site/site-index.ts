// Look-ups derived once from a site's configuration.
import type { DeskConfig, MatterConfig, SiteConfig } from "../../protocol/config.ts";
import { allMatters } from "../../protocol/config.ts";
import type { RuleContext } from "../queue/desk-rules.ts";
import { priorityOrderOf } from "../queue/order.ts";

export interface SiteIndex {
  config: SiteConfig;
  matters: Map<string, MatterConfig>;
  desks: Map<string, DeskConfig>;
}

export function indexSite(config: SiteConfig): SiteIndex {
  return {
    config,
    matters: new Map(allMatters(config).map((m) => [m.id, m])),
    desks: new Map(config.desks.map((d) => [d.id, d])),
  };
}

export function ruleContext(index: SiteIndex, now: number): RuleContext {
  return {
    now,
    desks: index.desks,
    matterIds: new Set(index.matters.keys()),
    recallDelayMs: index.config.noShowRecallSeconds * 1000,
    priority: priorityOrderOf(index.config.priority),
  };
}
