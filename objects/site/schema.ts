// Versioned migrations of a site object's SQLite database. Append only: never edit a shipped step.

import { addColumn } from "./add-column.ts";
import { CONSOLE_SESSIONS_MIGRATION } from "./console-sessions.ts";
import { CONTINUITY_MIGRATION } from "./continuity-store.ts";
import { DAY_AGGREGATES_MIGRATION } from "./day-aggregates.ts";
import { CONTACTS_MIGRATION } from "./device-contacts.ts";
import { UNPRINTED_MIGRATION } from "./printer-store.ts";
import { PUSH_SUBSCRIPTIONS_MIGRATION } from "./push-store.ts";
import { TICKET_FLAGS_MIGRATION } from "./queue-store.ts";
import { PENDING_VISIT_MIGRATION, VISIT_RANGE_MIGRATION, VISITS_MIGRATION } from "./visit-store.ts";

/** A step: SQL, or code for what SQL cannot say so that it may run again (a column added only when missing). */
export type MigrationStep = string | ((sql: SqlStorage) => void);

/**
 * Idempotency records without the index by age: a command's record goes into two b-trees, not three (a
 * table without rowid, tried too, is slower: the keys are random and the answers long). The day's prune
 * reads the two days' records whole; refusals keep their own index.
 */
const IDEMPOTENCY_AGE_DROPPED_MIGRATION = "DROP INDEX IF EXISTS idempotency_age";

/** Refusals are found by their age to be pruned (objects/site/idempotency.ts). */
function IDEMPOTENT_REFUSALS_MIGRATION(sql: SqlStorage): void {
  addColumn(sql, "idempotency", "refused", "TEXT");
  sql.exec("CREATE INDEX IF NOT EXISTS idempotency_refused ON idempotency(created_at) WHERE refused IS NOT NULL");
}

/** The citizen's language (protocol/lang.ts) on each booking, e-ticket notice request and outbox message. */
function CITIZEN_LANG_MIGRATION(sql: SqlStorage): void {
  for (const table of ["bookings", "notify_requests", "outbox"]) addColumn(sql, table, "lang", "TEXT NOT NULL DEFAULT 'pl'");
}

export const SITE_MIGRATIONS: readonly MigrationStep[] = [
  // 1: the queue, its numbering, calls, timers, print/announce jobs and idempotency records.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    token TEXT NOT NULL UNIQUE,
    day TEXT NOT NULL,
    number TEXT NOT NULL,
    matter_id TEXT NOT NULL,
    source TEXT NOT NULL,
    status TEXT NOT NULL,
    taken_at INTEGER NOT NULL,
    reserved_at INTEGER,
    desk_id TEXT,
    misses INTEGER NOT NULL DEFAULT 0,
    recall_at INTEGER,
    called_at INTEGER,
    started_at INTEGER,
    finished_at INTEGER,
    kiosk_id TEXT
  );
  CREATE INDEX tickets_day ON tickets(day);
  CREATE INDEX tickets_active ON tickets(status) WHERE status IN ('waiting', 'called', 'serving', 'missed');
  CREATE TABLE desks (id TEXT PRIMARY KEY, status TEXT NOT NULL, ticket_id TEXT);
  CREATE TABLE counters (day TEXT NOT NULL, matter_id TEXT NOT NULL, value INTEGER NOT NULL, PRIMARY KEY (day, matter_id));
  CREATE TABLE calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id TEXT NOT NULL, number TEXT NOT NULL, desk_id TEXT NOT NULL,
    at INTEGER NOT NULL, attempt INTEGER NOT NULL, reason TEXT NOT NULL
  );
  CREATE TABLE timers (key TEXT PRIMARY KEY, kind TEXT NOT NULL, due_at INTEGER NOT NULL, ref TEXT);
  CREATE INDEX timers_due ON timers(due_at);
  CREATE TABLE jobs (id TEXT PRIMARY KEY, kind TEXT NOT NULL, payload TEXT NOT NULL, created_at INTEGER NOT NULL, acked_at INTEGER);
  CREATE INDEX jobs_pending ON jobs(created_at) WHERE acked_at IS NULL;
  CREATE TABLE idempotency (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, response TEXT NOT NULL, created_at INTEGER NOT NULL);
  CREATE INDEX idempotency_age ON idempotency(created_at);
  `,
  // 2: online bookings (R6, R7) and the SMS outbox (R9).
  `
  CREATE TABLE bookings (
    id TEXT PRIMARY KEY,
    matter_id TEXT NOT NULL,
    start_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    name TEXT,
    phone TEXT,
    email TEXT,
    contact_key TEXT,
    verification TEXT NOT NULL,
    hold_until INTEGER NOT NULL,
    manage_token TEXT UNIQUE,
    check_in_code TEXT UNIQUE,
    ticket_number TEXT,
    ticket_id TEXT,
    reminded TEXT NOT NULL DEFAULT '',
    client TEXT,
    created_at INTEGER NOT NULL,
    confirmed_at INTEGER,
    purged_at INTEGER
  );
  CREATE INDEX bookings_slot ON bookings(matter_id, start_at);
  CREATE INDEX bookings_contact ON bookings(contact_key, status);
  CREATE INDEX bookings_client ON bookings(client, created_at);
  CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    booking_id TEXT,
    to_addr TEXT NOT NULL,
    body TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_at INTEGER,
    provider_id TEXT,
    error TEXT,
    created_at INTEGER NOT NULL,
    sent_at INTEGER,
    expires_at INTEGER
  );
  CREATE INDEX outbox_due ON outbox(status, next_at);
  `,
  // 3: delivery reports of sent SMS (Twilio's status callback) and e-ticket "tell me when N are ahead" requests (R8).
  `
  ALTER TABLE outbox ADD COLUMN delivery_status TEXT;
  ALTER TABLE outbox ADD COLUMN delivered_at INTEGER;
  ALTER TABLE outbox ADD COLUMN delivery_error TEXT;
  ALTER TABLE outbox ADD COLUMN ticket_id TEXT;
  CREATE TABLE notify_requests (
    ticket_id TEXT PRIMARY KEY,
    day TEXT NOT NULL,
    phone TEXT NOT NULL,
    ahead INTEGER NOT NULL,
    requests INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    sent_at INTEGER
  );
  CREATE INDEX notify_requests_day ON notify_requests(day);
  `,
  // 4: one outbox for SMS and e-mail (a booking's contact may be an address): the channel, and an e-mail's subject.
  //    Listing newest first (staff, pruning) goes by creation time.
  `
  ALTER TABLE outbox ADD COLUMN channel TEXT NOT NULL DEFAULT 'sms';
  ALTER TABLE outbox ADD COLUMN subject TEXT;
  CREATE INDEX outbox_created ON outbox(created_at);
  `,
  // 5: the outbox's timer is named for what it is (it also sends e-mail): kind and key "outbox", not "sms".
  `
  UPDATE timers SET key = 'outbox', kind = 'outbox' WHERE key = 'sms';
  `,
  // 6: wrong kiosk check-in codes per kiosk and per client address, counted in a window.
  `
  CREATE TABLE IF NOT EXISTS code_attempts (
    key TEXT PRIMARY KEY,
    window_start INTEGER NOT NULL,
    count INTEGER NOT NULL
  );
  `,
  // 7: a desk's pauses with their reason (break, training, other), for the statistics: the open one
  //    (ended_at NULL) is the desk's current pause.
  `
  CREATE TABLE IF NOT EXISTS desk_pauses (
    desk_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    ended_at INTEGER,
    PRIMARY KEY (desk_id, started_at)
  );
  CREATE INDEX IF NOT EXISTS desk_pauses_open ON desk_pauses(desk_id) WHERE ended_at IS NULL;
  `,
  // 8: every visit, part by part, for the statistics (objects/site/visit-store.ts).
  VISITS_MIGRATION,
  // 9: when each signed-in device or person last had a socket here (objects/site/device-contacts.ts).
  CONTACTS_MIGRATION,
  // 10: clerk consoles open at each desk, for the statistics (objects/site/console-sessions.ts).
  CONSOLE_SESSIONS_MIGRATION,
  // 11: each local day rolled up for the statistics (objects/site/day-aggregates.ts).
  DAY_AGGREGATES_MIGRATION,
  // 12: a refused command is recorded under its idempotency key too, with the refusal's code (objects/site/idempotency.ts).
  IDEMPOTENT_REFUSALS_MIGRATION,
  // 13: print jobs the agent gave up on stay on record as not printed (objects/site/printer-store.ts).
  UNPRINTED_MIGRATION,
  // 14: e-ticket holders' browser push subscriptions, each with the notification due (objects/site/push-store.ts).
  PUSH_SUBSCRIPTIONS_MIGRATION,
  // 15: the wait range each visit was shown at issue (objects/site/visit-store.ts).
  VISIT_RANGE_MIGRATION,
  // 16: a ticket's priority and PJM interpreter flags (objects/site/queue-store.ts).
  TICKET_FLAGS_MIGRATION,
  // 17: local continuity: the agents' addresses and how far each one's offline log is applied, and the
  //     number blocks set aside for them (objects/site/continuity-store.ts).
  CONTINUITY_MIGRATION,
  // 18: idempotency records without the index by age (see above).
  IDEMPOTENCY_AGE_DROPPED_MIGRATION,
  // 19: a walk-in's first visit part is kept in its ticket's row until the visit moves on (objects/site/visit-store.ts).
  PENDING_VISIT_MIGRATION,
  // 20: the language each citizen's SMS and e-mails are written in (see above).
  CITIZEN_LANG_MIGRATION,
];

/** Runs the steps not yet applied, each in its own transaction, and records the version reached. */
export function migrate(storage: DurableObjectStorage, steps: readonly MigrationStep[]): number {
  const sql = storage.sql;
  sql.exec("CREATE TABLE IF NOT EXISTS _schema (version INTEGER NOT NULL)");
  const row = sql.exec<{ version: number }>("SELECT version FROM _schema").toArray()[0];
  let version = row?.version ?? 0;
  if (!row) sql.exec("INSERT INTO _schema (version) VALUES (0)");
  while (version < steps.length) {
    const step = steps[version]!;
    storage.transactionSync(() => {
      if (typeof step === "string") sql.exec(step);
      else step(sql);
      sql.exec("UPDATE _schema SET version = ?", version + 1);
    });
    version++;
  }
  return version;
}
