// Where a value sits in a site's configuration, as the API names it in a refusal ("desks.1.id: …"):
// reading and replacing a value by its path without touching the rest, and reading a refusal's path.

/** A field's place in the configuration: ["departments", 0, "matters", 1, "prefix"]. */
export type Path = readonly (string | number)[];

/** The path as one string, the way the API's messages write it: "departments.0.matters.1.prefix". */
export function pathKey(path: Path): string {
  return path.join(".");
}

/** A DOM id for a field at this path (ids are for the label, the error and the focus). */
export function fieldId(path: Path): string {
  return `cfg-${path.join("-") || "form"}`;
}

type Container = Record<string, unknown> | unknown[];

function isContainer(v: unknown): v is Container {
  return typeof v === "object" && v !== null;
}

/** The value at a path, or undefined when any step is missing. */
export function getAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const step of path) {
    if (!isContainer(v)) return undefined;
    v = Array.isArray(v) ? v[Number(step)] : v[String(step)];
  }
  return v;
}

/**
 * A copy of `root` with the value at `path` replaced (copied along the path only, so unchanged parts stay
 * the same objects). `undefined` removes an object's key: an optional field left empty is not sent.
 */
export function setAt<T>(root: T, path: Path, value: unknown): T {
  const replace = (node: unknown, i: number): unknown => {
    if (i === path.length) return value;
    const step = path[i]!;
    if (Array.isArray(node)) {
      const copy = [...node];
      copy[Number(step)] = replace(node[Number(step)], i + 1);
      return copy;
    }
    const obj: Record<string, unknown> = isContainer(node) ? { ...node } : {};
    const next = replace(obj[String(step)], i + 1);
    if (next === undefined) delete obj[String(step)];
    else obj[String(step)] = next;
    return obj;
  };
  // The copy has the shape of `root`: only the value at `path` differs, and the callers put there a value
  // of that field's kind (a field component writes what its kind holds).
  return replace(root, 0) as T;
}

/** A refusal split into the field it names and what is wrong; no path: the message concerns the whole. */
export interface Refusal {
  path: string | null;
  text: string;
}

/**
 * Reads "departments.0.matters.1.prefix: ticket prefix "A" is used twice" into its path and text. The
 * site's id in the URL ("siteId: …") is the configuration's "id"; "body: …" names no field.
 */
export function readRefusal(message: string): Refusal {
  const m = /^([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*): (.*)$/s.exec(message);
  if (!m) return { path: null, text: message };
  const path = m[1] === "siteId" ? "id" : m[1]!;
  return { path: path === "body" ? null : path, text: m[2]! };
}

/**
 * The field that shows a refusal at `path`: the field there, else the first field inside it (an interval
 * refused as a whole shows on its "from"), else the same for the path's parent, up to the whole form.
 * `fields` are the keys of the fields the editor shows, in the order they appear.
 */
export function refusalTarget(path: string | null, fields: readonly string[]): string | null {
  if (path === null) return null;
  const steps = path.split(".");
  for (let n = steps.length; n > 0; n--) {
    const key = steps.slice(0, n).join(".");
    if (fields.includes(key)) return key;
    const inside = fields.find((f) => f.startsWith(`${key}.`));
    if (inside) return inside;
  }
  return null;
}

/** JSON with every object's keys in order: two configurations are the same when these are equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
