// How long the directory keeps what it records, and the one alarm that deletes it: the audit log's
// retention as an administrator sets it (objects/audit/retention.ts has the rules), and the purge of
// audit entries past it and of login records whose time is up (directory/login-records.ts).
import type { Result } from "../../protocol/errors.ts";
import { fail, ok } from "../../protocol/errors.ts";
import type { AuditLog, AuditRecord } from "../audit/audit-log.ts";
import { configDiff } from "../audit/diff.ts";
import { nextExpiryAt, retentionAllowed, storedRetention } from "../audit/retention.ts";
import type { Who } from "./accounts.ts";
import type { LoginRecords } from "./login-records.ts";
import type { DirectoryMeta } from "./meta.ts";

/** The meta key of the audit log's retention in days (absent: the default). */
const AUDIT_RETENTION_KEY = "audit-retention-days";

/** What the retention reads and writes: the object's storage (transactions, the alarm), its meta rows, the log and the login records. */
export interface AuditRetentionDeps {
  storage: DurableObjectStorage;
  meta: DirectoryMeta;
  audit: AuditLog;
  logins: LoginRecords;
}

export class AuditRetention {
  constructor(private readonly d: AuditRetentionDeps) {}

  /** The audit log's retention in days, as stored (the default when never set). */
  days(): number {
    return storedRetention(this.d.meta.get(AUDIT_RETENTION_KEY));
  }

  /** Sets how long the audit log keeps its entries: recorded, and older entries are deleted with it. */
  async set(days: number, who: Who): Promise<Result<{ days: number }>> {
    if (!retentionAllowed(days)) return fail("VALIDATION_FAILED", "days: whole days from 30 to 3650");
    const before = this.days();
    if (before === days) return ok({ days });
    const now = Date.now();
    this.d.storage.transactionSync(() => {
      this.d.meta.set(AUDIT_RETENTION_KEY, String(days));
      this.d.audit.append(
        {
          ...who,
          action: "audit.retention-changed",
          target: null,
          summary: `Zmieniono okres przechowywania dziennika zdarzeń na ${days} dni`,
          changes: configDiff({ days: before }, { days }),
        },
        now,
      );
    });
    await this.arm(now);
    return ok({ days });
  }

  /** Records what was done outside the directory (a message sent again, the log exported). */
  async record(record: AuditRecord): Promise<void> {
    const now = Date.now();
    this.d.audit.append(record, now);
    await this.arm(now);
  }

  /** Deletes the login records and audit entries whose time is up, then waits for the next. */
  async alarm(): Promise<void> {
    const now = Date.now();
    await this.purgeDue(now);
    const due = this.nextPurgeAt();
    if (due !== null) await this.d.storage.setAlarm(Math.max(due, now + 1));
  }

  /** The purge as at `now`: login records whose time is up, and audit entries past the retention; answers how many of those. */
  async purgeDue(now: number): Promise<{ auditEntries: number }> {
    this.d.logins.purge(now);
    return { auditEntries: this.d.audit.purge(now, this.days()) };
  }

  /** Sets the alarm to the next purge, unless it is set sooner already. */
  async arm(now: number): Promise<void> {
    const due = this.nextPurgeAt();
    if (due === null) return;
    const at = Math.max(due, now + 1);
    const current = await this.d.storage.getAlarm();
    if (current === null || current > at) await this.d.storage.setAlarm(at);
  }

  /** When the next login record or audit entry is due to go (null: none). */
  private nextPurgeAt(): number | null {
    const due = [this.d.logins.nextPurgeAt(), nextExpiryAt(this.d.audit.oldestAt(), this.days())];
    const times = due.filter((t): t is number => t !== null);
    return times.length > 0 ? Math.min(...times) : null;
  }
}
