// When each signed-in device or person last had a live socket at this site, for the manager page's
// device list: written when a socket opens and when it closes (never per frame), in the site's meta
// row `contacts`. Connection bookkeeping, not the site's state: it is written beside the commit path,
// and bounded (the most recent MAX_CONTACTS subjects).
export const MAX_CONTACTS = 500;

/** The tag a socket of subject `sub` (a user name, or device:<pairing id>) is found by. */
export function subjectTag(sub: string): string {
  return `who:${sub}`;
}

/** The subject of a socket, from its tags; null for a public socket. */
export function subjectOfTags(tags: readonly string[]): string | null {
  const tag = tags.find((t) => t.startsWith("who:"));
  return tag ? tag.slice(4) : null;
}

/** `contacts` with `sub` seen at `at`, the oldest dropped beyond MAX_CONTACTS. */
export function touched(contacts: Record<string, number>, sub: string, at: number): Record<string, number> {
  const next = { ...contacts, [sub]: at };
  const subs = Object.keys(next);
  if (subs.length <= MAX_CONTACTS) return next;
  const kept = subs.sort((a, b) => (next[b] ?? 0) - (next[a] ?? 0)).slice(0, MAX_CONTACTS);
  return Object.fromEntries(kept.map((s) => [s, next[s] ?? 0]));
}

export class DeviceContacts {
  constructor(private readonly sql: SqlStorage) {}

  all(): Record<string, number> {
    const row = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'contacts'").toArray()[0];
    return row ? (JSON.parse(row.value) as Record<string, number>) : {};
  }

  touch(sub: string, at: number): void {
    this.sql.exec(
      "INSERT INTO meta (key, value) VALUES ('contacts', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      JSON.stringify(touched(this.all(), sub, at)),
    );
  }
}
