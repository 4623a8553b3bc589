// "Pracownicy": an organisation administrator's staff and devices. The list (role, sites, desks,
// state), a new account with a temporary password made here and shown once, a change of role, sites
// and desks, disabling and enabling, a new temporary password for a person (shown once, which signs
// them out everywhere), and signing a person out everywhere; each outcome said aloud.
import { useCallback, useEffect, useState } from "preact/hooks";
import type { PublicSite } from "../../protocol/api.ts";
import { STAFF_ROLES, type StaffRole } from "../../protocol/roles.ts";
import type { StaffAccount, StaffAssignment } from "../../protocol/staff.ts";
import { ApiError, call, errorCode } from "../shared/api.ts";
import { ErrorNote } from "../shared/components.tsx";
import { useI18n } from "../shared/i18n.tsx";
import type { ClientErrorCode } from "../shared/messages.ts";
import { ShownPassword } from "./staff-panel-password.tsx";
import { temporaryPassword } from "./temporary-password.ts";
import "./staff-panel.css";

interface Props {
  token: string;
  sites: readonly PublicSite[];
  onAuthLost: () => void;
}

function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

/** The desks of the chosen sites, each id once. */
function desksOf(sites: readonly PublicSite[], siteIds: readonly string[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const s of sites) if (siteIds.includes(s.id)) for (const d of s.desks) if (!seen.has(d.id)) seen.set(d.id, `${d.name} (${s.name})`);
  return [...seen].map(([id, name]) => ({ id, name }));
}

function toggle(list: readonly string[], id: string, on: boolean): string[] {
  return on ? [...new Set([...list, id])] : list.filter((x) => x !== id);
}

/** Role, sites and (for a clerk) desks: the fields of a new account and of a change. */
function AssignmentFields(props: {
  idPrefix: string;
  value: StaffAssignment;
  sites: readonly PublicSite[];
  onChange: (a: StaffAssignment) => void;
}) {
  const { t } = useI18n();
  const { value, idPrefix } = props;
  const desks = desksOf(props.sites, value.siteIds);
  const setSites = (siteIds: string[]) => {
    const allowed = new Set(desksOf(props.sites, siteIds).map((d) => d.id));
    const next: StaffAssignment = { role: value.role, siteIds };
    if (value.deskIds) next.deskIds = value.deskIds.filter((d) => allowed.has(d));
    props.onChange(next);
  };
  return (
    <>
      <label for={`${idPrefix}-role`}>{t("adm.staff.role")}</label>
      <select
        id={`${idPrefix}-role`}
        value={value.role}
        onChange={(e) => {
          const role = e.currentTarget.value;
          if (isStaffRole(role)) props.onChange(role === "clerk" ? { ...value, role } : { role, siteIds: value.siteIds });
        }}
      >
        {STAFF_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`adm.staff.role.${r}`)}
          </option>
        ))}
      </select>
      <fieldset class="adm-staff-choice">
        <legend>{t("adm.staff.sites")}</legend>
        {props.sites.map((s) => (
          <label key={s.id}>
            <input
              type="checkbox"
              checked={value.siteIds.includes(s.id)}
              onChange={(e) => setSites(toggle(value.siteIds, s.id, e.currentTarget.checked))}
            />{" "}
            {s.name}
          </label>
        ))}
      </fieldset>
      {value.role === "clerk" && desks.length > 0 && (
        <fieldset class="adm-staff-choice">
          <legend>{t("adm.staff.desks")}</legend>
          <p class="muted">{t("adm.staff.desksNote")}</p>
          {desks.map((d) => (
            <label key={d.id}>
              <input
                type="checkbox"
                checked={value.deskIds?.includes(d.id) ?? false}
                onChange={(e) => {
                  const deskIds = toggle(value.deskIds ?? [], d.id, e.currentTarget.checked);
                  const next: StaffAssignment = { role: value.role, siteIds: value.siteIds };
                  if (deskIds.length > 0) next.deskIds = deskIds;
                  props.onChange(next);
                }}
              />{" "}
              {d.name}
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}

function CreateForm(props: Props & { onCreated: (a: StaffAccount, password: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState("");
  const [assignment, setAssignment] = useState<StaffAssignment>({ role: "clerk", siteIds: props.sites[0] ? [props.sites[0].id] : [] });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const submit = async (ev: Event) => {
    ev.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const password = temporaryPassword();
    try {
      const r = await call("createStaff", { token: props.token, query: {}, body: { username: username.trim(), password, ...assignment } });
      props.onCreated(r.account, password);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) props.onAuthLost();
      setError(errorCode(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="adm-staff-form" onSubmit={submit} aria-labelledby="adm-staff-new" aria-describedby="adm-staff-new-error">
      <h3 id="adm-staff-new">{t("adm.staff.newTitle")}</h3>
      <label for="adm-staff-username">{t("login.username")}</label>
      <input id="adm-staff-username" autocomplete="off" required value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
      <AssignmentFields idPrefix="adm-staff-new" value={assignment} sites={props.sites} onChange={setAssignment} />
      <p class="muted">{t("adm.staff.passwordNote")}</p>
      <div class="adm-staff-buttons">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t("adm.staff.create")}
        </button>
        <button type="button" class="btn" onClick={props.onCancel}>
          {t("adm.staff.cancel")}
        </button>
      </div>
      <ErrorNote code={error} id="adm-staff-new-error" />
    </form>
  );
}

function EditForm(props: Props & { account: StaffAccount; onSaved: (a: StaffAccount) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { account } = props;
  const initial: StaffAssignment = { role: isStaffRole(account.role) ? account.role : "manager", siteIds: account.siteIds };
  if (account.deskIds) initial.deskIds = account.deskIds;
  const [assignment, setAssignment] = useState<StaffAssignment>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const submit = async (ev: Event) => {
    ev.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call("assignStaff", { token: props.token, params: { username: account.username }, query: {}, body: assignment });
      props.onSaved(r.account);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) props.onAuthLost();
      setError(errorCode(err));
    } finally {
      setBusy(false);
    }
  };
  const id = `adm-staff-edit-${account.username}`;
  return (
    <form class="adm-staff-form" onSubmit={submit} aria-labelledby={`${id}-title`} aria-describedby={`${id}-error`}>
      <h3 id={`${id}-title`}>{t("adm.staff.editTitle", { name: account.username })}</h3>
      <AssignmentFields idPrefix={id} value={assignment} sites={props.sites} onChange={setAssignment} />
      <div class="adm-staff-buttons">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t("adm.staff.save")}
        </button>
        <button type="button" class="btn" onClick={props.onCancel}>
          {t("adm.staff.cancel")}
        </button>
      </div>
      <ErrorNote code={error} id={`${id}-error`} />
    </form>
  );
}

export function StaffPanel(props: Props) {
  const { t } = useI18n();
  const { token, onAuthLost } = props;
  const [accounts, setAccounts] = useState<StaffAccount[] | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [outcome, setOutcome] = useState("");
  const [shown, setShown] = useState<{ username: string; password: string } | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);

  const failed = useCallback(
    (err: unknown) => {
      if (err instanceof ApiError && err.status === 401) onAuthLost();
      setError(errorCode(err));
    },
    [onAuthLost],
  );
  const load = useCallback(async () => {
    try {
      setAccounts((await call("staff", { token, query: {} })).accounts);
    } catch (err) {
      failed(err);
    }
  }, [token, failed]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (a: StaffAccount, what: "disable" | "enable" | "signOut") => {
    setError(null);
    setShown(null);
    try {
      const req = { token, params: { username: a.username }, query: {}, body: {} };
      if (what === "disable") await call("disableStaff", req);
      else if (what === "enable") await call("enableStaff", req);
      else await call("staffSignOut", req);
      setOutcome(t(`adm.staff.done.${what}`, { name: a.username }));
      await load();
    } catch (err) {
      failed(err);
    }
  };
  /** A new temporary password made here, shown once; the server signs the person out everywhere. */
  const newPassword = async (a: StaffAccount) => {
    setError(null);
    setShown(null);
    const password = temporaryPassword();
    try {
      await call("staffPassword", { token, params: { username: a.username }, query: {}, body: { password } });
      setShown({ username: a.username, password });
      setOutcome(t("adm.staff.done.password", { name: a.username }));
      await load();
    } catch (err) {
      failed(err);
    }
  };
  const edited = accounts?.find((a) => a.username === editing);
  const siteName = (id: string) => props.sites.find((s) => s.id === id)?.name ?? id;

  return (
    <section class="adm-card" aria-labelledby="adm-staff-title" data-testid="staff-panel">
      <h2 id="adm-staff-title">{t("adm.staff.title")}</h2>
      <p role="status" class="adm-outcome" data-testid="staff-outcome">
        {outcome}
      </p>
      {shown && <ShownPassword key={`${shown.username}:${shown.password}`} username={shown.username} password={shown.password} />}
      <ErrorNote code={error} />
      {creating ? (
        <CreateForm
          {...props}
          onCancel={() => setCreating(false)}
          onCreated={(a, password) => {
            setCreating(false);
            setShown({ username: a.username, password });
            setOutcome(t("adm.staff.done.created", { name: a.username }));
            void load();
          }}
        />
      ) : (
        <button type="button" class="btn" onClick={() => setCreating(true)}>
          {t("adm.staff.new")}
        </button>
      )}
      {!accounts ? (
        <p class="muted">{t("common.loading")}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes the focus so the keyboard can scroll it (axe: scrollable-region-focusable).
        <div class="adm-scroll" role="region" aria-labelledby="adm-staff-caption" tabIndex={0}>
          <table class="adm-table">
            <caption id="adm-staff-caption" class="visually-hidden">
              {t("adm.staff.table")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("login.username")}</th>
                <th scope="col">{t("adm.staff.role")}</th>
                <th scope="col">{t("adm.staff.sites")}</th>
                <th scope="col">{t("adm.staff.desks")}</th>
                <th scope="col">{t("adm.staff.state")}</th>
                <th scope="col">{t("adm.staff.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.username} data-account={a.username}>
                  <th scope="row">{a.username}</th>
                  <td>{isStaffRole(a.role) || a.role === "org-admin" ? t(`adm.staff.role.${a.role}`) : a.role}</td>
                  <td>{a.siteIds.map(siteName).join(", ")}</td>
                  <td>{a.deskIds?.join(", ") ?? ""}</td>
                  <td data-testid="staff-state">
                    {a.disabled ? t("adm.staff.disabled") : a.mustChangePassword ? t("adm.staff.mustChange") : t("adm.staff.active")}
                  </td>
                  <td class="adm-staff-buttons">
                    {isStaffRole(a.role) && (
                      <button
                        type="button"
                        class="btn"
                        aria-label={t("adm.staff.editLabel", { name: a.username })}
                        onClick={() => setEditing(a.username)}
                      >
                        {t("adm.staff.edit")}
                      </button>
                    )}
                    <button
                      type="button"
                      class="btn"
                      aria-label={t(a.disabled ? "adm.staff.enableLabel" : "adm.staff.disableLabel", { name: a.username })}
                      onClick={() => void act(a, a.disabled ? "enable" : "disable")}
                    >
                      {t(a.disabled ? "adm.staff.enable" : "adm.staff.disable")}
                    </button>
                    <button
                      type="button"
                      class="btn"
                      aria-label={t("adm.staff.passwordLabel", { name: a.username })}
                      onClick={() => void newPassword(a)}
                    >
                      {t("adm.staff.password")}
                    </button>
                    <button
                      type="button"
                      class="btn"
                      aria-label={t("adm.staff.signOutLabel", { name: a.username })}
                      onClick={() => void act(a, "signOut")}
                    >
                      {t("adm.staff.signOut")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {edited && (
        <EditForm
          {...props}
          key={edited.username}
          account={edited}
          onCancel={() => setEditing(null)}
          onSaved={(a) => {
            setEditing(null);
            setOutcome(t("adm.staff.done.saved", { name: a.username }));
            void load();
          }}
        />
      )}
    </section>
  );
}
