// Desks: add, remove, number and name, and the matters each serves in its own order of preference
// (moved up and down with buttons that keep the focus, the new place said aloud).
import { useState } from "preact/hooks";
import type { DeskConfig, MatterConfig } from "../../../protocol/config.ts";
import { useI18n } from "../../shared/i18n.tsx";
import { useEditor } from "./editor-context.ts";
import { addDesk, addDeskMatter, moveDeskMatter, removeDesk, removeDeskMatter } from "./edits.ts";
import { DESK_FIELDS } from "./field-specs.ts";
import { Fields, ProblemText } from "./fields.tsx";
import { ListButton } from "./list-button.tsx";
import { fieldId, pathKey } from "./paths.ts";

function matterLabel(matters: readonly MatterConfig[], id: string): string {
  const m = matters.find((x) => x.id === id);
  return m ? `${m.name || id} (${m.prefix})` : id;
}

function ServedMatters(props: { desk: DeskConfig; index: number; matters: readonly MatterConfig[] }) {
  const { t } = useI18n();
  const { change, announce, problems } = useEditor();
  const { desk, index, matters } = props;
  const path = ["desks", index, "matterIds"];
  const key = pathKey(path);
  const selectId = fieldId(path);
  const problem = problems[key];
  const unserved = matters.filter((m) => !desk.matterIds.includes(m.id));
  const [chosen, setChosen] = useState("");
  const toAdd = unserved.some((m) => m.id === chosen) ? chosen : (unserved[0]?.id ?? "");
  const buttonId = (id: string, dir: "up" | "down") => `${selectId}-${id}-${dir}`;
  const move = (position: number, by: -1 | 1) => {
    const id = desk.matterIds[position]!;
    const to = position + by;
    const last = desk.matterIds.length - 1;
    // At the top "up" is disabled, at the bottom "down": the focus stays on the one that still works.
    const dir = by === -1 ? (to === 0 ? "down" : "up") : to === last ? "up" : "down";
    change((s) => moveDeskMatter(s, index, position, by), buttonId(id, dir));
    announce(t("adm.cfg.moved", { name: matterLabel(matters, id), n: to + 1, of: last + 1 }));
  };
  return (
    <fieldset class="cfg-served">
      <legend>{t("adm.cfg.served")}</legend>
      {desk.matterIds.length === 0 ? (
        <p class="muted">{t("adm.cfg.servedNone")}</p>
      ) : (
        <ol class="cfg-order">
          {desk.matterIds.map((id, position) => {
            const name = matterLabel(matters, id);
            return (
              <li key={id} data-served={id}>
                <span class="cfg-order-name">{name}</span>
                <span class="cfg-order-buttons">
                  <button
                    id={buttonId(id, "up")}
                    type="button"
                    class="btn"
                    aria-label={`${t("adm.cfg.up")}: ${name}`}
                    disabled={position === 0}
                    onClick={() => move(position, -1)}
                  >
                    {t("adm.cfg.up")}
                  </button>
                  <button
                    id={buttonId(id, "down")}
                    type="button"
                    class="btn"
                    aria-label={`${t("adm.cfg.down")}: ${name}`}
                    disabled={position === desk.matterIds.length - 1}
                    onClick={() => move(position, 1)}
                  >
                    {t("adm.cfg.down")}
                  </button>
                  <button
                    type="button"
                    class="btn btn-danger"
                    aria-label={`${t("adm.cfg.unserve")}: ${name}`}
                    onClick={() => {
                      change((s) => removeDeskMatter(s, index, position), selectId);
                      announce(t("adm.cfg.unserved", { name }));
                    }}
                  >
                    {t("adm.cfg.unserve")}
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {unserved.length > 0 && (
        <div class="cfg-add-served">
          <div class="cfg-field">
            <label for={selectId}>{t("adm.cfg.serveMore")}</label>
            <select
              id={selectId}
              value={toAdd}
              data-path={key}
              data-error={problem ? "true" : undefined}
              aria-invalid={problem ? "true" : undefined}
              aria-describedby={problem ? `${selectId}-error` : undefined}
              onChange={(e) => setChosen(e.currentTarget.value)}
            >
              {unserved.map((m) => (
                <option key={m.id} value={m.id}>
                  {matterLabel(matters, m.id)}
                </option>
              ))}
            </select>
            <ProblemText id={`${selectId}-error`} problem={problem} />
          </div>
          <button
            type="button"
            class="btn"
            aria-label={`${t("adm.cfg.serve")}: ${matterLabel(matters, toAdd)}`}
            onClick={() => {
              change((s) => addDeskMatter(s, index, toAdd), selectId);
              announce(t("adm.cfg.serveAdded", { name: matterLabel(matters, toAdd) }));
            }}
          >
            {t("adm.cfg.serve")}
          </button>
        </div>
      )}
    </fieldset>
  );
}

export function DesksSection() {
  const { t } = useI18n();
  const { draft, change } = useEditor();
  const matters = draft.departments.flatMap((d) => d.matters);
  const next = draft.desks.length;
  return (
    <fieldset class="cfg-section">
      <legend>
        <h3 class="cfg-title">{t("adm.cfg.desksTitle")}</h3>
      </legend>
      {draft.desks.map((desk, index) => {
        const title = desk.name.trim() || t("adm.cfg.deskN", { n: index + 1 });
        return (
          <fieldset key={desk.id} class="cfg-group" data-desk={desk.id}>
            <legend>{title}</legend>
            <p class="muted cfg-id">
              {t("adm.cfg.idShown")} <code>{desk.id}</code>
            </p>
            <Fields specs={DESK_FIELDS} at={["desks", index]} />
            <ServedMatters desk={desk} index={index} matters={matters} />
            <button
              type="button"
              class="btn btn-danger"
              aria-label={`${t("adm.cfg.removeDesk")} – ${title}`}
              onClick={() => change((s) => removeDesk(s, index), fieldId(["desks"]))}
            >
              {t("adm.cfg.removeDesk")}
            </button>
          </fieldset>
        );
      })}
      <ListButton
        path={["desks"]}
        onClick={() => change((s) => addDesk(s, (n) => t("adm.cfg.deskDefaultName", { n })), fieldId(["desks", next, "name"]))}
      >
        {t("adm.cfg.addDesk")}
      </ListButton>
    </fieldset>
  );
}
