// The audit log of an organisation (its administrator's, or the one the operator chose): a table of
// entries newest first with time, who, address, action, target and summary; filters by action, who and
// days; "Starsze" pages back; a configuration change opens to its changed values (before → after); and
// "Eksportuj CSV" downloads the entries of the current filters. Below, how long entries are kept.
import { useEffect, useRef, useState } from "preact/hooks";
import type { AuditAction, AuditChange, AuditEntry } from "../../protocol/audit.ts";
import { AUDIT_ACTIONS } from "../../protocol/audit-actions.ts";
import { assertNever } from "../../protocol/live-wire.ts";
import { ApiError, errorCode } from "../shared/api.ts";
import { ErrorNote } from "../shared/components.tsx";
import { OFFICE_TZ, officeDateTime } from "../shared/format.ts";
import { type T, useI18n } from "../shared/i18n.tsx";
import type { ClientErrorCode } from "../shared/messages.ts";
import { exportAudit, PAGE, readAudit, saveFile } from "./audit-api.ts";
import { type AuditFilters, auditQuery, exportFileName, NO_FILTERS, type Readable, readable } from "./audit-query.ts";
import { AuditRetentionForm } from "./audit-retention.tsx";
import "./audit.css";

const authLost = (err: unknown) => err instanceof ApiError && (err.code === "TOKEN_INVALID" || err.code === "UNAUTHENTICATED");

function valueText(t: T, r: Readable): string {
  switch (r.kind) {
    case "absent":
      return t("adm.audit.absent");
    case "yes":
      return t("adm.audit.yes");
    case "no":
      return t("adm.audit.no");
    case "text":
      return r.text;
    default:
      return assertNever(r);
  }
}

function ChangesRow(props: { id: string; entry: AuditEntry; open: boolean }) {
  const { t } = useI18n();
  return (
    <tr id={props.id} class="adm-audit-changes" hidden={!props.open}>
      <td colSpan={6}>
        <table class="adm-table">
          <caption class="visually-hidden">{t("adm.audit.changes", { summary: props.entry.summary })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("adm.audit.colPath")}</th>
              <th scope="col">{t("adm.audit.colBefore")}</th>
              <th scope="col">{t("adm.audit.colAfter")}</th>
            </tr>
          </thead>
          <tbody>
            {props.entry.changes.map((c: AuditChange) => (
              <tr key={c.path} data-path={c.path}>
                <th scope="row" class="adm-audit-path">
                  {c.path}
                </th>
                <td class="adm-audit-before">{valueText(t, readable(c.before))}</td>
                <td class="adm-audit-after">
                  <span aria-hidden="true">→ </span>
                  {valueText(t, readable(c.after))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </td>
    </tr>
  );
}

function EntryRows(props: { entry: AuditEntry; open: boolean; onToggle: () => void; rowRef?: (el: HTMLTableRowElement | null) => void }) {
  const { t, lang } = useI18n();
  const e = props.entry;
  const changesId = `audit-changes-${e.id}`;
  return (
    <>
      <tr ref={props.rowRef} tabIndex={-1} data-entry={e.id} data-action={e.action}>
        <td>{officeDateTime(lang, e.at)}</td>
        <td class="adm-audit-nowrap">{e.actor ?? t("adm.audit.system")}</td>
        <td class="adm-audit-address adm-audit-nowrap">{e.address ?? ""}</td>
        <td>{t(`adm.audit.action.${e.action}`)}</td>
        <td class="adm-audit-nowrap">{e.target ?? ""}</td>
        <td>
          <span lang="pl">{e.summary}</span>
          {e.changes.length > 0 && (
            <div>
              <button
                type="button"
                class="btn adm-audit-toggle"
                aria-expanded={props.open}
                aria-controls={changesId}
                onClick={props.onToggle}
              >
                {t("adm.audit.showChanges", { n: e.changes.length })}
              </button>
            </div>
          )}
        </td>
      </tr>
      {e.changes.length > 0 && <ChangesRow id={changesId} entry={e} open={props.open} />}
    </>
  );
}

function FiltersForm(props: { draft: AuditFilters; onDraft: (f: AuditFilters) => void; onApply: () => void; onClear: () => void }) {
  const { t } = useI18n();
  const f = props.draft;
  return (
    <form
      class="adm-audit-filters"
      aria-label={t("adm.audit.filters")}
      onSubmit={(ev) => {
        ev.preventDefault();
        props.onApply();
      }}
    >
      <div class="cfg-field">
        <label for="audit-action">{t("adm.audit.action")}</label>
        <select
          id="audit-action"
          value={f.action}
          onChange={(ev) => props.onDraft({ ...f, action: ev.currentTarget.value as AuditAction | "" })}
        >
          <option value="">{t("adm.audit.anyAction")}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`adm.audit.action.${a}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="cfg-field">
        <label for="audit-actor">{t("adm.audit.actor")}</label>
        <input
          id="audit-actor"
          type="text"
          size={16}
          value={f.actor}
          autoComplete="off"
          spellcheck={false}
          onInput={(ev) => props.onDraft({ ...f, actor: ev.currentTarget.value })}
        />
      </div>
      <div class="cfg-field">
        <label for="audit-from">{t("adm.audit.from")}</label>
        <input id="audit-from" type="date" value={f.from} onInput={(ev) => props.onDraft({ ...f, from: ev.currentTarget.value })} />
      </div>
      <div class="cfg-field">
        <label for="audit-to">{t("adm.audit.to")}</label>
        <input id="audit-to" type="date" value={f.to} onInput={(ev) => props.onDraft({ ...f, to: ev.currentTarget.value })} />
      </div>
      <div class="adm-audit-buttons">
        <button type="submit" class="btn btn-primary">
          {t("adm.audit.apply")}
        </button>
        <button type="button" class="btn" onClick={props.onClear}>
          {t("adm.audit.clear")}
        </button>
      </div>
    </form>
  );
}

export interface AuditPanelProps {
  token: string;
  /** The organisation the operator chose; null: the administrator's own. */
  org: string | null;
  /** The organisation's name, for the heading (the operator's choice). */
  orgName?: string;
  onAuthLost: () => void;
}

export function AuditPanel(props: AuditPanelProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<AuditFilters>(NO_FILTERS);
  /** The filters shown: a new object each time "Pokaż" is pressed, so the log is read again. */
  const [applied, setApplied] = useState<AuditFilters>(NO_FILTERS);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [more, setMore] = useState(false);
  const [busy, setBusy] = useState<"older" | "export" | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [exported, setExported] = useState("");
  /** After "Starsze": the first entry read, which takes the focus. */
  const [focusId, setFocusId] = useState<number | null>(null);
  const focusRow = useRef<HTMLTableRowElement | null>(null);
  const endNote = useRef<HTMLParagraphElement>(null);
  const { token, org, onAuthLost } = props;

  useEffect(() => {
    let stopped = false;
    setEntries(null);
    setError(null);
    setOpen(new Set());
    readAudit(token, auditQuery(applied, OFFICE_TZ, org)).then(
      (rows) => {
        if (stopped) return;
        setEntries(rows);
        setMore(rows.length === PAGE);
      },
      (err: unknown) => {
        if (stopped) return;
        if (authLost(err)) return onAuthLost();
        setEntries([]);
        setMore(false);
        setError(errorCode(err));
      },
    );
    return () => {
      stopped = true;
    };
  }, [applied, token, org, onAuthLost]);

  useEffect(() => {
    if (focusId === null) return;
    if (focusRow.current) focusRow.current.focus();
    else endNote.current?.focus();
    setFocusId(null);
  }, [focusId]);

  const older = async () => {
    const last = entries?.at(-1);
    if (!last || busy) return;
    setBusy("older");
    setError(null);
    try {
      const rows = await readAudit(token, auditQuery(applied, OFFICE_TZ, org, last.id));
      setEntries((now) => [...(now ?? []), ...rows]);
      setMore(rows.length === PAGE);
      // The button may go: the focus moves to the first entry read, or to the note that there are no more.
      focusRow.current = null;
      setFocusId(rows[0]?.id ?? -1);
    } catch (err) {
      if (authLost(err)) return onAuthLost();
      setError(errorCode(err));
    } finally {
      setBusy(null);
    }
  };

  const exportCsv = async () => {
    if (busy) return;
    setBusy("export");
    setError(null);
    setExported("");
    try {
      const blob = await exportAudit(token, auditQuery(applied, OFFICE_TZ, org));
      const name = exportFileName(org, new Date());
      saveFile(blob, name);
      setExported(t("adm.audit.exported", { file: name }));
    } catch (err) {
      if (authLost(err)) return onAuthLost();
      setError(errorCode(err));
    } finally {
      setBusy(null);
    }
  };

  const toggle = (id: number) =>
    setOpen((now) => {
      const next = new Set(now);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const title = props.orgName ? t("adm.audit.titleOf", { name: props.orgName }) : t("adm.audit.title");
  return (
    <section class="adm-card" aria-labelledby="adm-audit-title">
      <h2 id="adm-audit-title">{title}</h2>
      <p class="muted">{t("adm.audit.note")}</p>
      <FiltersForm
        draft={draft}
        onDraft={setDraft}
        onApply={() => setApplied({ ...draft })}
        onClear={() => {
          setDraft(NO_FILTERS);
          setApplied({ ...NO_FILTERS });
        }}
      />
      <div class="adm-audit-buttons">
        <button type="button" class="btn" onClick={() => void exportCsv()} disabled={busy === "export"}>
          {busy === "export" ? t("adm.audit.exporting") : t("adm.audit.export")}
        </button>
        <p role="status" class="adm-outcome" data-testid="audit-exported">
          {exported}
        </p>
      </div>
      <ErrorNote code={error} />
      {!entries ? (
        <p class="muted">{t("common.loading")}</p>
      ) : entries.length === 0 ? (
        <p data-testid="audit-none">{t("adm.audit.none")}</p>
      ) : (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes the focus so the keyboard can scroll it (axe: scrollable-region-focusable). */}
          <div class="adm-scroll" role="region" aria-labelledby="adm-audit-caption" tabIndex={0}>
            <table class="adm-table adm-audit">
              <caption id="adm-audit-caption">{t("adm.audit.table")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("adm.audit.colTime")}</th>
                  <th scope="col">{t("adm.audit.colActor")}</th>
                  <th scope="col">{t("adm.audit.colAddress")}</th>
                  <th scope="col">{t("adm.audit.colAction")}</th>
                  <th scope="col">{t("adm.audit.colTarget")}</th>
                  <th scope="col">{t("adm.audit.colSummary")}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <EntryRows
                    key={e.id}
                    entry={e}
                    open={open.has(e.id)}
                    onToggle={() => toggle(e.id)}
                    {...(e.id === focusId
                      ? {
                          rowRef: (el) => {
                            focusRow.current = el;
                          },
                        }
                      : {})}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <p class="muted" data-testid="audit-shown">
            {t("adm.audit.shown", { n: entries.length })}
          </p>
          {more ? (
            <button type="button" class="btn" onClick={() => void older()} disabled={busy === "older"}>
              {busy === "older" ? t("adm.audit.loadingOlder") : t("adm.audit.older")}
            </button>
          ) : (
            <p ref={endNote} class="muted" tabIndex={-1}>
              {t("adm.audit.end")}
            </p>
          )}
        </>
      )}
      <AuditRetentionForm token={token} org={org} onAuthLost={onAuthLost} onSaved={() => setApplied((now) => ({ ...now }))} />
    </section>
  );
}
