// When each signed-in device or person last had a live socket at this site, for the manager page's
// device list: written when a socket opens and when it closes (never per frame), in its own table.
// Connection bookkeeping, not the site's state: it is written beside the commit path, and bounded (the
// most recent MAX_CONTACTS subjects).
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

export const CONTACTS_MIGRATION = `
  CREATE TABLE IF NOT EXISTS contacts (subject TEXT PRIMARY KEY, at INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS contacts_by_age ON contacts (at);
`;

export class DeviceContacts {
  constructor(private readonly sql: SqlStorage) {}

  /** When each of `subjects` was last seen (absent: never). */
  of(subjects: readonly string[]): Record<string, number> {
    const out: Record<string, number> = {};
    for (const s of subjects) {
      const row = this.sql.exec<{ at: number }>("SELECT at FROM contacts WHERE subject = ?", s).toArray()[0];
      if (row) out[s] = row.at;
    }
    return out;
  }

  touch(sub: string, at: number): void {
    this.sql.exec("INSERT INTO contacts (subject, at) VALUES (?, ?) ON CONFLICT (subject) DO UPDATE SET at = excluded.at", sub, at);
    this.sql.exec("DELETE FROM contacts WHERE subject IN (SELECT subject FROM contacts ORDER BY at DESC LIMIT -1 OFFSET ?)", MAX_CONTACTS);
  }
}
