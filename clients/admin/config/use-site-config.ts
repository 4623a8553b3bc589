// The editor's state for one site, or for a new one: the configuration as stored and the draft being
// edited, the problems shown by the fields, and saving. A refused save keeps the draft as it was typed;
// a stored one is read back from the server. Leaving the page with unsaved changes asks first.
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { SiteConfig } from "../../../protocol/config.ts";
import { ApiError, errorCode } from "../../shared/api.ts";
import type { ClientErrorCode, MessageKey } from "../../shared/messages.ts";
import { readConfig, storeConfig } from "./config-api.ts";
import type { Editor, Problem } from "./editor-context.ts";
import { newSiteConfig } from "./new-site.ts";
import { canonical, type Path, pathKey, readRefusal, refusalTarget, setAt } from "./paths.ts";

/** What the last save came to, said next to the save button. */
export type Outcome =
  | { kind: "saved"; at: number }
  /** Not sent: fields hold text the page itself refuses. */
  | { kind: "fix" }
  /** Refused by the server; `onField`: the problem is shown by the field it names. */
  | { kind: "refused"; problem: Problem; onField: boolean };

export interface SiteConfigState {
  editor: Editor | null;
  loadError: ClientErrorCode | null;
  saving: boolean;
  dirty: boolean;
  outcome: Outcome | null;
  /** Grows with each outcome that moves the focus (to the first problem, or to the outcome). */
  focusRequest: number;
  /** A DOM id to focus after the next render (the field of an item just added); a new object each time. */
  pendingFocus: { id: string } | null;
  /** Polite announcement of the last change that moved things around. */
  announcement: string;
  /** Saves the draft; `fields`: the keys of the fields shown, in order. Answers the stored site's id. */
  save(fields: readonly string[]): Promise<string | null>;
}

const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const authLost = (err: unknown) => err instanceof ApiError && (err.code === "TOKEN_INVALID" || err.code === "UNAUTHENTICATED");

/** `siteId` null: a new site, whose id must not be one of `takenIds`. */
export function useSiteConfig(siteId: string | null, token: string, takenIds: readonly string[], onAuthLost: () => void): SiteConfigState {
  const creating = siteId === null;
  const [saved, setSaved] = useState<SiteConfig | null>(() => (creating ? newSiteConfig() : null));
  const [draft, setDraft] = useState<SiteConfig | null>(saved);
  const [loadError, setLoadError] = useState<ClientErrorCode | null>(null);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [pendingFocus, setPendingFocus] = useState<{ id: string } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const local = useRef(new Map<string, MessageKey>());
  const [localCount, setLocalCount] = useState(0);

  useEffect(() => {
    if (siteId === null) return;
    let stopped = false;
    readConfig(siteId, token).then(
      (config) => {
        if (stopped) return;
        setSaved(config);
        setDraft(config);
      },
      (err: unknown) => {
        if (stopped) return;
        if (authLost(err)) return onAuthLost();
        setLoadError(errorCode(err));
      },
    );
    return () => {
      stopped = true;
    };
    // onAuthLost is the app's sign-out: it does not change what is read.
  }, [siteId, token]);

  const dirty = useMemo(() => localCount > 0 || (draft !== null && canonical(draft) !== canonical(saved)), [draft, saved, localCount]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const set = useCallback((path: Path, value: unknown) => {
    const key = pathKey(path);
    setDraft((d) => (d ? setAt(d, path, value) : d));
    // The problem of this field, of what contains it and of what it contains is answered by the edit.
    setProblems((p) => {
      const kept = Object.entries(p).filter(([k]) => !(k === key || key.startsWith(`${k}.`) || k.startsWith(`${key}.`)));
      return kept.length === Object.keys(p).length ? p : Object.fromEntries(kept);
    });
  }, []);

  const change = useCallback((edit: (s: SiteConfig) => SiteConfig, focus?: string) => {
    setDraft((d) => (d ? edit(d) : d));
    setProblems({});
    if (focus) setPendingFocus({ id: focus });
  }, []);

  const report = useCallback((key: string, problem: MessageKey | null) => {
    if (problem) local.current.set(key, problem);
    else local.current.delete(key);
    setLocalCount(local.current.size);
  }, []);

  const editor = useMemo<Editor | null>(
    () => (draft ? { draft, creating, set, change, problems, report, announce: setAnnouncement } : null),
    [draft, creating, set, change, problems, report],
  );

  const save = async (fields: readonly string[]): Promise<string | null> => {
    if (!draft || saving) return null;
    setPendingFocus(null);
    const refuse = (next: Record<string, Problem>, o: Outcome) => {
      setProblems(next);
      setOutcome(o);
      setFocusRequest((n) => n + 1);
    };
    if (local.current.size > 0) {
      refuse({}, { kind: "fix" });
      return null;
    }
    if (creating && (!ID.test(draft.id) || takenIds.includes(draft.id))) {
      refuse({ id: { kind: "local", key: ID.test(draft.id) ? "adm.cfg.idTaken" : "adm.cfg.idInvalid" } }, { kind: "fix" });
      return null;
    }
    setSaving(true);
    setOutcome(null);
    try {
      await storeConfig(draft, token);
      // Stored: what the page shows next is what the server keeps (defaults included), read back.
      const stored = await readConfig(draft.id, token).catch(() => draft);
      setSaved(stored);
      setDraft(stored);
      setProblems({});
      setOutcome({ kind: "saved", at: Date.now() });
      return stored.id;
    } catch (err) {
      if (authLost(err)) {
        onAuthLost();
        return null;
      }
      const code = errorCode(err);
      const detail = err instanceof ApiError ? err.detail : "";
      const refusal = readRefusal(detail);
      const target = refusalTarget(refusal.path, fields);
      // Named field: the problem by it, in its own words; else the whole message by the save button.
      const problem: Problem = { kind: "server", code, detail: target ? refusal.text : detail };
      refuse(target ? { [target]: problem } : {}, { kind: "refused", problem, onField: target !== null });
      return null;
    } finally {
      setSaving(false);
    }
  };

  return { editor, loadError, saving, dirty, outcome, focusRequest, pendingFocus, announcement, save };
}
