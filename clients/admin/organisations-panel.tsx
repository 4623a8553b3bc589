// The operator's organisations: every organisation with its offices, each with its audit log a click
// away, and a form creating an organisation with its first administrator and a temporary password,
// shown back once. A refusal shows on its field (a taken id or user name, a value of the wrong shape)
// and the focus goes there.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { Organisation } from "../../protocol/api.ts";
import { ApiError, call, errorCode } from "../shared/api.ts";
import { ErrorNote } from "../shared/components.tsx";
import { useI18n } from "../shared/i18n.tsx";
import type { ClientErrorCode, MessageKey } from "../shared/messages.ts";
import { AuditPanel } from "./audit-panel.tsx";
import { type OrgField, type OrgRefusal, orgRefusal } from "./org-refusal.ts";
import "./audit.css";

const authLost = (err: unknown) => err instanceof ApiError && (err.code === "TOKEN_INVALID" || err.code === "UNAUTHENTICATED");

type Draft = Record<OrgField, string>;
const EMPTY: Draft = { id: "", name: "", username: "", password: "" };

const LABELS: Record<OrgField, MessageKey> = {
  id: "adm.orgs.id",
  name: "adm.orgs.name",
  username: "adm.orgs.adminUser",
  password: "adm.orgs.adminPassword",
};
const HINTS: Partial<Record<OrgField, MessageKey>> = { id: "adm.orgs.idHint", password: "adm.orgs.passwordHint" };

interface Created {
  id: string;
  name: string;
  username: string;
  password: string;
}

function OrgInput(props: { field: OrgField; draft: Draft; refusal: OrgRefusal | null; onDraft: (d: Draft) => void }) {
  const { t } = useI18n();
  const { field, refusal } = props;
  const id = `org-${field}`;
  const hint = HINTS[field];
  const problem = refusal?.field === field ? refusal : null;
  const described = [hint && `${id}-hint`, problem && `${id}-error`].filter(Boolean).join(" ");
  const generic = problem?.code === "VALIDATION_FAILED";
  return (
    <div class="cfg-field">
      <label for={id}>{t(LABELS[field])}</label>
      <input
        id={id}
        name={field}
        type="text"
        size={field === "name" ? 32 : 20}
        value={props.draft[field]}
        aria-required="true"
        aria-invalid={problem ? "true" : undefined}
        aria-describedby={described || undefined}
        autoComplete="off"
        spellcheck={false}
        onInput={(e) => props.onDraft({ ...props.draft, [field]: e.currentTarget.value })}
      />
      {hint && (
        <p id={`${id}-hint`} class="cfg-hint">
          {t(hint)}
        </p>
      )}
      {problem && (
        <p id={`${id}-error`} class="cfg-error">
          {!generic && `${t(`error.${problem.code}`)} `}
          {problem.detail && <span lang="en">{problem.detail}</span>}
          {generic && !problem.detail && t(`error.${problem.code}`)}
        </p>
      )}
    </div>
  );
}

function NewOrganisation(props: { token: string; onCreated: (c: Created) => void; onAuthLost: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [refusal, setRefusal] = useState<OrgRefusal | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const formNote = useRef<HTMLParagraphElement>(null);

  // A refusal takes the focus to its field, or to the note above the form.
  useEffect(() => {
    if (!refusal) return;
    const field = refusal.field ? form.current?.querySelector<HTMLInputElement>(`#org-${refusal.field}`) : null;
    (field ?? formNote.current)?.focus();
  }, [refusal]);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    const body = { id: draft.id.trim(), name: draft.name.trim(), admin: { username: draft.username.trim(), password: draft.password } };
    try {
      const r = await call("createOrganisation", { body, token: props.token });
      setDraft(EMPTY);
      props.onCreated({ id: r.organisation.id, name: r.organisation.name, username: r.admin.username, password: body.admin.password });
    } catch (err) {
      if (authLost(err)) return props.onAuthLost();
      setRefusal(orgRefusal(errorCode(err), err instanceof ApiError ? err.detail : ""));
    } finally {
      setBusy(false);
    }
  };

  const formCode: ClientErrorCode | null = refusal && !refusal.field ? refusal.code : null;
  return (
    <form
      ref={form}
      class="adm-org-form"
      aria-labelledby="adm-org-new"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id="adm-org-new">{t("adm.orgs.newTitle")}</h3>
      <p ref={formNote} class="cfg-error" role="alert" tabIndex={-1} hidden={!refusal}>
        {refusal && (formCode ? t(`error.${formCode}`) : t("adm.orgs.refused"))}
        {refusal && !refusal.field && refusal.detail && (
          <>
            {" "}
            <span lang="en">{refusal.detail}</span>
          </>
        )}
      </p>
      <div class="cfg-fields">
        {(["id", "name", "username", "password"] as const).map((f) => (
          <OrgInput key={f} field={f} draft={draft} refusal={refusal} onDraft={setDraft} />
        ))}
      </div>
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {busy ? t("adm.orgs.creating") : t("adm.orgs.create")}
      </button>
    </form>
  );
}

export function OrganisationsPanel(props: { token: string; onAuthLost: () => void }) {
  const { t } = useI18n();
  const [orgs, setOrgs] = useState<Organisation[] | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [logOf, setLogOf] = useState<Organisation | null>(null);
  /** The organisation whose log was open: its button takes the focus back. */
  const [back, setBack] = useState<string | null>(null);
  const createdNote = useRef<HTMLParagraphElement>(null);
  const list = useRef<HTMLTableElement>(null);
  const { token, onAuthLost } = props;

  const load = useCallback(async () => {
    try {
      setOrgs((await call("organisations", { token })).organisations);
      setError(null);
    } catch (err) {
      if (authLost(err)) return onAuthLost();
      setOrgs((now) => now ?? []);
      setError(errorCode(err));
    }
  }, [token, onAuthLost]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (created) createdNote.current?.focus();
  }, [created]);
  useEffect(() => {
    if (!logOf && back) list.current?.querySelector<HTMLButtonElement>(`[data-org="${back}"] button`)?.focus();
  }, [logOf, back]);

  if (logOf) {
    return (
      <>
        <button type="button" class="btn" onClick={() => setLogOf(null)}>
          {t("adm.orgs.back")}
        </button>
        <AuditPanel token={token} org={logOf.id} orgName={logOf.name} onAuthLost={onAuthLost} />
      </>
    );
  }
  return (
    <section class="adm-card" aria-labelledby="adm-orgs-title">
      <h2 id="adm-orgs-title">{t("adm.orgs.title")}</h2>
      <p class="muted">{t("adm.orgs.note")}</p>
      {created && (
        <p ref={createdNote} class="adm-outcome" role="status" tabIndex={-1} data-testid="org-created">
          {t("adm.orgs.created", { ...created })}
        </p>
      )}
      <ErrorNote code={error} />
      {!orgs ? (
        <p class="muted">{t("common.loading")}</p>
      ) : orgs.length === 0 ? (
        <p>{t("adm.orgs.none")}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes the focus so the keyboard can scroll it (axe: scrollable-region-focusable).
        <div class="adm-scroll" role="region" aria-labelledby="adm-orgs-caption" tabIndex={0}>
          <table ref={list} class="adm-table">
            <caption id="adm-orgs-caption" class="visually-hidden">
              {t("adm.orgs.table")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("adm.orgs.colId")}</th>
                <th scope="col">{t("adm.orgs.colName")}</th>
                <th scope="col">{t("adm.orgs.colSites")}</th>
                <th scope="col">{t("adm.orgs.colLog")}</th>
              </tr>
            </thead>
            <tbody>
              {orgs.map((o) => (
                <tr key={o.id} data-org={o.id}>
                  <td class="adm-audit-path">{o.id}</td>
                  <th scope="row">{o.name}</th>
                  <td>{o.siteIds.length ? o.siteIds.join(", ") : t("adm.orgs.noSites")}</td>
                  <td class="adm-audit-nowrap">
                    <button
                      type="button"
                      class="btn"
                      aria-label={t("adm.orgs.openLogOf", { name: o.name })}
                      onClick={() => {
                        setBack(o.id);
                        setLogOf(o);
                      }}
                    >
                      {t("adm.orgs.openLog")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewOrganisation
        token={token}
        onAuthLost={onAuthLost}
        onCreated={(c) => {
          setCreated(c);
          void load();
        }}
      />
    </section>
  );
}
