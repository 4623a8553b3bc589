// Step 1: the matter. The city first when the list has more than one; then the city's matters grouped
// by department, narrowed by a search field (the number found is announced).
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { PublicSite } from "../../protocol/api.ts";
import { LocalName } from "../shared/components.tsx";
import { useI18n } from "../shared/i18n.tsx";
import { catalogue, cities, type MatterEntry, matterCount, matterName, search } from "./catalogue.ts";
import { StepHeading } from "./step-heading.tsx";

export function MatterStep(props: {
  sites: PublicSite[];
  city: string | null;
  focus: boolean;
  onCity: (city: string | null) => void;
  onMatter: (m: MatterEntry) => void;
}) {
  const { t } = useI18n();
  const all = useMemo(() => cities(props.sites), [props.sites]);
  const city = all.length === 1 ? all[0]! : props.city;
  /** "Zmień miasto" pressed: the focus goes to the cities instead of being lost with the button. */
  const [changing, setChanging] = useState(false);
  return (
    <section class="bk-step" aria-labelledby="step-title">
      <StepHeading focus={props.focus} kicker={t("bk.stepOf", { n: 1 })}>
        {t("bk.matterTitle")}
      </StepHeading>
      {city === null || !all.includes(city) ? (
        <CityChoice cities={all} focus={changing} onCity={props.onCity} />
      ) : (
        <Matters
          sites={props.sites}
          city={city}
          canChange={all.length > 1}
          onChange={() => {
            setChanging(true);
            props.onCity(null);
          }}
          onMatter={props.onMatter}
        />
      )}
    </section>
  );
}

function CityChoice(props: { cities: string[]; focus: boolean; onCity: (city: string) => void }) {
  const { t } = useI18n();
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (props.focus) list.current?.querySelector("button")?.focus();
  }, []);
  return (
    <>
      <h3 class="bk-sub">{t("bk.cityTitle")}</h3>
      <ul class="bk-choices" ref={list}>
        {props.cities.map((c) => (
          <li key={c}>
            <button type="button" class="bk-choice" data-city={c} onClick={() => props.onCity(c)}>
              {c}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function Matters(props: {
  sites: PublicSite[];
  city: string;
  canChange: boolean;
  onChange: () => void;
  onMatter: (m: MatterEntry) => void;
}) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState("");
  const groups = useMemo(() => catalogue(props.sites, props.city), [props.sites, props.city]);
  const shown = useMemo(() => search(groups, query), [groups, query]);
  const field = useRef<HTMLInputElement>(null);
  // Arriving from the city choice: straight to the search field.
  useEffect(() => {
    if (props.canChange) field.current?.focus();
  }, []);
  return (
    <>
      <p class="bk-city">
        <span>{t("bk.city", { city: props.city })}</span>
        {props.canChange && (
          <button type="button" class="btn bk-link-btn" onClick={props.onChange}>
            {t("bk.changeCity")}
          </button>
        )}
      </p>
      <div class="bk-field">
        <label for="bk-search">{t("bk.search")}</label>
        <input
          ref={field}
          id="bk-search"
          type="search"
          autocomplete="off"
          aria-describedby="bk-search-hint"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <p id="bk-search-hint" class="muted">
          {t("bk.searchHint")}
        </p>
      </div>
      <p class="bk-found" role="status">
        {query.trim() === ""
          ? ""
          : shown.length
            ? t("bk.found", { matters: t("count.matters", { n: matterCount(shown) }) })
            : t("bk.notFound", { query: query.trim() })}
      </p>
      {shown.map((g) => (
        <section key={g.name} class="bk-group" aria-label={matterName(g, lang)}>
          <h3 class="bk-sub">
            <LocalName named={g} />
          </h3>
          <ul class="bk-choices">
            {g.matters.map((m) => (
              <li key={m.id}>
                <button type="button" class="bk-choice" data-matter={m.id} onClick={() => props.onMatter(m)}>
                  <span class="bk-choice-main">
                    <LocalName named={m} />
                  </span>
                  {props.sites.filter((s) => s.city === props.city).length > 1 && (
                    <span class="bk-choice-sub">{t("count.sitesIn", { n: m.siteIds.length })}</span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
