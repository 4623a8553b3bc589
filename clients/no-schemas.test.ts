// The browser bundles carry no zod: a client may import at run time only from protocol modules without
// schemas (live-wire.ts, routes.ts, roles.ts…); from the others it imports types alone. A run-time import
// of a module with schemas pulls every schema of it into the bundle (test/e2e/serving.test.ts checks
// the built bundles too).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = dirname(new URL(import.meta.url).pathname);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("client bundles", () => {
  it("import nothing at run time from a protocol module that holds zod schemas", () => {
    const offenders: string[] = [];
    for (const file of files(root)) {
      const source = readFileSync(file, "utf8");
      for (const m of source.matchAll(/^import\s+(?!type\b)([^;]*?)\s+from\s+"([^"]*\/protocol\/[^"]+)";/gms)) {
        const names = m[1] ?? "";
        // `import { type A, type B }` brings in nothing at run time.
        if (
          /^\{[^}]*\}$/.test(names) &&
          names
            .slice(1, -1)
            .split(",")
            .every((n) => /^\s*(type\s+\w+(\s+as\s+\w+)?)?\s*$/.test(n))
        )
          continue;
        const target = resolve(dirname(file), m[2] ?? "");
        if (/from\s+"zod"/.test(readFileSync(target, "utf8")))
          offenders.push(`${relative(root, file)} → ${relative(resolve(root, ".."), target)}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
