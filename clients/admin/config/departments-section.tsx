// Departments and their matters: add, rename, remove; each matter's name, ticket prefix, service time
// and online booking. A removed matter leaves the desks that served it.
import type { DepartmentConfig, MatterConfig } from "../../../protocol/config.ts";
import { useI18n } from "../../shared/i18n.tsx";
import { useEditor } from "./editor-context.ts";
import { addDepartment, addMatter, removeDepartment, removeMatter } from "./edits.ts";
import { DEPARTMENT_FIELDS, MATTER_FIELDS } from "./field-specs.ts";
import { Fields } from "./fields.tsx";
import { itemTitle, ListButton } from "./list-button.tsx";
import { fieldId } from "./paths.ts";

function Matter(props: { matter: MatterConfig; di: number; mi: number }) {
  const { t } = useI18n();
  const { change } = useEditor();
  const { matter, di, mi } = props;
  const title = itemTitle(t("adm.cfg.matterN", { n: mi + 1 }), matter.name);
  return (
    <fieldset class="cfg-item" data-matter={matter.id}>
      <legend>{title}</legend>
      <p class="muted cfg-id">
        {t("adm.cfg.idShown")} <code>{matter.id}</code>
      </p>
      <Fields specs={MATTER_FIELDS} at={["departments", di, "matters", mi]} />
      <button
        type="button"
        class="btn btn-danger"
        aria-label={`${t("adm.cfg.removeMatter")} – ${title}`}
        onClick={() => change((s) => removeMatter(s, di, mi), fieldId(["departments", di, "matters"]))}
      >
        {t("adm.cfg.removeMatter")}
      </button>
    </fieldset>
  );
}

function Department(props: { department: DepartmentConfig; di: number }) {
  const { t } = useI18n();
  const { change } = useEditor();
  const { department, di } = props;
  const title = itemTitle(t("adm.cfg.departmentN", { n: di + 1 }), department.name);
  const next = department.matters.length;
  return (
    <fieldset class="cfg-group" data-department={department.id}>
      <legend>{title}</legend>
      <Fields specs={DEPARTMENT_FIELDS} at={["departments", di]} />
      {department.matters.map((m, mi) => (
        <Matter key={m.id} matter={m} di={di} mi={mi} />
      ))}
      <div class="cfg-actions">
        <ListButton
          path={["departments", di, "matters"]}
          label={`${t("adm.cfg.addMatter")} – ${title}`}
          onClick={() => change((s) => addMatter(s, di), fieldId(["departments", di, "matters", next, "name"]))}
        >
          {t("adm.cfg.addMatter")}
        </ListButton>
        <button
          type="button"
          class="btn btn-danger"
          aria-label={`${t("adm.cfg.removeDepartment")} – ${title}`}
          onClick={() => change((s) => removeDepartment(s, di), fieldId(["departments"]))}
        >
          {t("adm.cfg.removeDepartment")}
        </button>
      </div>
    </fieldset>
  );
}

export function DepartmentsSection() {
  const { t } = useI18n();
  const { draft, change } = useEditor();
  const next = draft.departments.length;
  return (
    <fieldset class="cfg-section">
      <legend>
        <h3 class="cfg-title">{t("adm.cfg.departmentsTitle")}</h3>
      </legend>
      {draft.departments.map((d, di) => (
        <Department key={d.id} department={d} di={di} />
      ))}
      <ListButton path={["departments"]} onClick={() => change(addDepartment, fieldId(["departments", next, "name"]))}>
        {t("adm.cfg.addDepartment")}
      </ListButton>
    </fieldset>
  );
}
