// A readable difference between two configurations for the audit log: each value that changed, by a
// path a manager can read. Lists of objects with an `id` are matched by id, not by position, so moving
// a desk up the list is one change of order, not a change of every desk after it.

export interface ValueChange {
  path: string;
  /** JSON of the value before; null when it was added. */
  before: string | null;
  /** JSON of the value after; null when it was removed. */
  after: string | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: unknown): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const hasIds = (xs: Json[]): xs is { id: string }[] =>
  xs.every((x) => isObject(x) && typeof x.id === "string") && new Set(xs.map((x) => (x as { id: string }).id)).size === xs.length;
const text = (v: Json | undefined): string | null => (v === undefined ? null : JSON.stringify(v));

/** The changes from `before` to `after` (plain JSON values), in a stable order. */
export function configDiff(before: unknown, after: unknown): ValueChange[] {
  const out: ValueChange[] = [];
  walk(JSON.parse(JSON.stringify(before ?? null)) as Json, JSON.parse(JSON.stringify(after ?? null)) as Json, "", out);
  return out;
}

function walk(a: Json | undefined, b: Json | undefined, path: string, out: ValueChange[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) walk(a[k], b[k], path ? `${path}.${k}` : k, out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && hasIds(a) && hasIds(b)) {
    const before = new Map(a.map((x) => [x.id, x as Json]));
    const after = new Map(b.map((x) => [x.id, x as Json]));
    for (const [id, x] of before) walk(x, after.get(id), `${path}[${id}]`, out);
    for (const [id, x] of after) if (!before.has(id)) walk(undefined, x, `${path}[${id}]`, out);
    const order = (xs: { id: string }[]) => xs.map((x) => x.id).filter((id) => before.has(id) && after.has(id));
    if (JSON.stringify(order(a)) !== JSON.stringify(order(b))) {
      out.push({ path: `${path} (order)`, before: text(order(a)), after: text(order(b)) });
    }
    return;
  }
  out.push({ path: path || "(all)", before: text(a), after: text(b) });
}
