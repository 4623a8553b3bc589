// A hall screen bound to departments or desks (a group screen's DeviceConfig, or ?departments= and
// ?desks= on its address) shows only their calls and queues: which binding applies, and what it lets
// through. Pure, for app.tsx.
import type { CallView, HallScreen, HallSite } from "../../protocol/live.ts";

/** The site's departments as the screen has them (from the live view, or the public list until it comes). */
interface Departments {
  departments: readonly { id: string; name: string; matters: readonly { id: string }[] }[];
}

export interface Binding {
  departmentIds?: readonly string[];
  deskIds?: readonly string[];
}

/** What a bound screen shows: calls of these matters or to these desks, queues of these matters. */
export interface Scope {
  /** The departments and desks it names (for the screen's heading), in the configuration's order. */
  names: string[];
  callMatters: ReadonlySet<string>;
  callDesks: ReadonlySet<string>;
  waitingMatters: ReadonlySet<string>;
}

function list(value: string | null): string[] | undefined {
  const ids = value
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return ids?.length ? ids : undefined;
}

/**
 * The screen's binding: its device's in the configuration (the login's device, or ?screen=<device id>),
 * else the address's ?departments=a,b and ?desks=x,y; null: the whole site.
 */
export function bindingOf(screens: readonly HallScreen[] | undefined, deviceId: string | null, query: URLSearchParams): Binding | null {
  const device = screens?.find((s) => s.id === (query.get("screen") ?? deviceId));
  if (device && (device.departmentIds?.length || device.deskIds?.length)) return device;
  const departmentIds = list(query.get("departments"));
  const deskIds = list(query.get("desks"));
  return departmentIds || deskIds ? { ...(departmentIds ? { departmentIds } : {}), ...(deskIds ? { deskIds } : {}) } : null;
}

/** What a binding lets through, with the site's departments and desks; null: the whole site. */
export function scopeOf(binding: Binding | null, site: Departments, desks: NonNullable<HallSite["desks"]>): Scope | null {
  if (!binding) return null;
  const departments = site.departments.filter((d) => binding.departmentIds?.includes(d.id));
  const callMatters = new Set(departments.flatMap((d) => d.matters.map((m) => m.id)));
  const callDesks = new Set(binding.deskIds ?? []);
  const bound = desks.filter((d) => callDesks.has(d.id));
  return {
    names: [...departments.map((d) => d.name), ...bound.map((d) => d.name)],
    callMatters,
    callDesks,
    waitingMatters: new Set([...callMatters, ...bound.flatMap((d) => d.matterIds)]),
  };
}

/** The calls a screen shows. */
export function callsIn(scope: Scope | null, calls: readonly CallView[]): CallView[] {
  if (!scope) return [...calls];
  return calls.filter((c) => scope.callDesks.has(c.deskId) || (c.matterId !== null && scope.callMatters.has(c.matterId)));
}

/** The departments, each with only the matters whose queues the screen shows; departments left empty go. */
export function departmentsIn<D extends { matters: readonly { id: string }[] }>(scope: Scope | null, departments: readonly D[]): D[] {
  if (!scope) return [...departments];
  return departments
    .map((d) => ({ ...d, matters: d.matters.filter((m) => scope.waitingMatters.has(m.id)) }))
    .filter((d) => d.matters.length > 0);
}
