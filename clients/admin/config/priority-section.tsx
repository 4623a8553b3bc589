// Priority service (issue 14): whether the kiosk offers "Pierwszeństwo obsługi", how priority tickets are
// called (first, or every second call), the groups the kiosk lists (Polish, English, Ukrainian), and the
// site's remote PJM interpreter link.
import { useI18n } from "../../shared/i18n.tsx";
import { useEditor } from "./editor-context.ts";
import { INTERPRETER_FIELDS, PRIORITY_FIELDS, PRIORITY_GROUP_FIELDS } from "./field-specs.ts";
import { Fields } from "./fields.tsx";
import { itemTitle, ListButton } from "./list-button.tsx";
import { fieldId } from "./paths.ts";
import { addPriorityGroup, prioritySettings, removePriorityGroup } from "./priority-edits.ts";

export function PrioritySection() {
  const { t } = useI18n();
  const { draft, change } = useEditor();
  const groups = prioritySettings(draft).groups;
  return (
    <fieldset class="cfg-section" data-testid="cfg-priority">
      <legend>
        <h3 class="cfg-title">{t("adm.cfg.priorityTitle")}</h3>
      </legend>
      <Fields specs={PRIORITY_FIELDS} at={["priority"]} />
      {groups.map((g, gi) => {
        const title = itemTitle(t("adm.cfg.priorityGroupN", { n: gi + 1 }), g.name);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: groups have no id, and a key from the name would remount the field typed in
          <fieldset class="cfg-item" key={gi}>
            <legend>{title}</legend>
            <Fields specs={PRIORITY_GROUP_FIELDS} at={["priority", "groups", gi]} />
            <button
              type="button"
              class="btn btn-danger"
              aria-label={`${t("adm.cfg.removePriorityGroup")} – ${title}`}
              disabled={groups.length <= 1}
              onClick={() => change((s) => removePriorityGroup(s, gi), fieldId(["priority", "groups"]))}
            >
              {t("adm.cfg.removePriorityGroup")}
            </button>
          </fieldset>
        );
      })}
      <ListButton
        path={["priority", "groups"]}
        disabled={groups.length >= 12}
        onClick={() => change(addPriorityGroup, fieldId(["priority", "groups", groups.length, "name"]))}
      >
        {t("adm.cfg.addPriorityGroup")}
      </ListButton>
      <Fields specs={INTERPRETER_FIELDS} at={[]} />
    </fieldset>
  );
}
