// The editor of a site's configuration (or of a new site): the site, departments and matters, desks,
// opening hours and booking rules, saved as one PUT. A refusal shows by the field it names, with the
// focus there; the draft is never lost to a refusal, and leaving with unsaved changes asks first.
import { useEffect, useLayoutEffect, useRef } from "preact/hooks";
import { assertNever } from "../../../protocol/live-wire.ts";
import { ErrorNote } from "../../shared/components.tsx";
import { officeDateTime } from "../../shared/format.ts";
import { type Lang, type T, useI18n } from "../../shared/i18n.tsx";
import { DepartmentsSection } from "./departments-section.tsx";
import { DesksSection } from "./desks-section.tsx";
import { EditorContext } from "./editor-context.ts";
import { ProblemText } from "./fields.tsx";
import { BookingSection, HoursSection } from "./hours-section.tsx";
import { PrioritySection } from "./priority-section.tsx";
import { SiteSection } from "./site-section.tsx";
import { type Outcome, useSiteConfig } from "./use-site-config.ts";

function OutcomeText(props: { outcome: Outcome | null; t: T; lang: Lang }) {
  const o = props.outcome;
  if (!o) return null;
  switch (o.kind) {
    case "saved":
      return <p>{props.t("adm.cfg.saved", { time: officeDateTime(props.lang, o.at) })}</p>;
    case "fix":
      return <p>{props.t("adm.cfg.fixFirst")}</p>;
    case "refused":
      return o.onField ? (
        <p>{props.t("adm.cfg.refusedField")}</p>
      ) : (
        <>
          <p>{props.t("adm.cfg.refused")}</p>
          <ProblemText id="cfg-refusal" problem={o.problem} />
        </>
      );
    default:
      return assertNever(o);
  }
}

export interface SiteEditorProps {
  /** null: a new site. */
  siteId: string | null;
  token: string;
  /** Ids of the sites that exist: a new site may not take one. */
  takenIds: readonly string[];
  onAuthLost: () => void;
  /** Whether there are unsaved changes, each time that changes. */
  onDirty: (dirty: boolean) => void;
  /** The site was stored (for a new one: created). */
  onSaved?: (siteId: string) => void;
  /** Only for a new site: give up. */
  onCancel?: () => void;
}

export function SiteEditor(props: SiteEditorProps) {
  const { t, lang } = useI18n();
  const s = useSiteConfig(props.siteId, props.token, props.takenIds, props.onAuthLost);
  const form = useRef<HTMLFormElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const creating = props.siteId === null;

  useEffect(() => props.onDirty(s.dirty), [s.dirty]);
  useEffect(() => () => props.onDirty(false), []);
  // After a refusal: the first field with a problem, or the outcome when no field is named. Both focus moves
  // happen in the commit that shows their target (a layout effect), not after the next paint: keys typed
  // right after "Dodaj wydział" go into the new department's name, not to the button.
  useLayoutEffect(() => {
    if (!s.focusRequest) return;
    (form.current?.querySelector<HTMLElement>('[data-error="true"]') ?? outcome.current)?.focus();
  }, [s.focusRequest]);
  useLayoutEffect(() => {
    if (s.pendingFocus) document.getElementById(s.pendingFocus.id)?.focus();
  }, [s.pendingFocus]);

  const title = creating ? t("adm.cfg.newTitle") : t("adm.cfg.title");
  return (
    <section class="adm-card cfg" aria-labelledby="cfg-title">
      <h2 id="cfg-title">{title}</h2>
      <p class="muted">{t(creating ? "adm.cfg.newNote" : "adm.cfg.note")}</p>
      <ErrorNote code={s.loadError} />
      {!s.editor ? (
        !s.loadError && <p class="muted">{t("common.loading")}</p>
      ) : (
        <EditorContext.Provider value={s.editor}>
          <form
            ref={form}
            class="cfg-form"
            noValidate
            aria-labelledby="cfg-title"
            onSubmit={(e) => {
              e.preventDefault();
              const fields = Array.from(form.current?.querySelectorAll("[data-path]") ?? [], (el) => el.getAttribute("data-path") ?? "");
              void s.save(fields).then((id) => {
                if (id) props.onSaved?.(id);
              });
            }}
          >
            <SiteSection />
            <DepartmentsSection />
            <DesksSection />
            <HoursSection />
            <BookingSection />
            <PrioritySection />
            <div class="cfg-bar">
              <button type="submit" class="btn btn-primary" disabled={s.saving}>
                {s.saving ? t("adm.cfg.saving") : creating ? t("adm.cfg.create") : t("adm.cfg.save")}
              </button>
              {props.onCancel && (
                <button type="button" class="btn" onClick={props.onCancel}>
                  {t("adm.cfg.cancel")}
                </button>
              )}
              <p class="cfg-dirty" data-testid="cfg-dirty">
                {s.dirty ? t("adm.cfg.unsaved") : ""}
              </p>
              <div
                ref={outcome}
                class={`cfg-outcome cfg-outcome-${s.outcome?.kind ?? "none"}`}
                role="status"
                tabIndex={-1}
                data-testid="cfg-outcome"
              >
                <OutcomeText outcome={s.outcome} t={t} lang={lang} />
              </div>
            </div>
          </form>
          <p class="visually-hidden" role="status">
            {s.announcement}
          </p>
        </EditorContext.Provider>
      )}
    </section>
  );
}
