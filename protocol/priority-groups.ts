// The groups most Polish offices serve first, for a site that names none of its own (no schemas here:
// the manager page's "Nowa placówka" starts from them too).

export interface DefaultPriorityGroup {
  name: string;
  nameEn: string;
  nameUk: string;
}

export const DEFAULT_PRIORITY_GROUPS: readonly DefaultPriorityGroup[] = [
  { name: "Kobiety w ciąży", nameEn: "Pregnant women", nameUk: "Вагітні жінки" },
  { name: "Osoby z niepełnosprawnością", nameEn: "Persons with disabilities", nameUk: "Особи з інвалідністю" },
  { name: "Rodzic z małym dzieckiem", nameEn: "A parent with a small child", nameUk: "Батьки з маленькою дитиною" },
  { name: "Posiadacze Karty Dużej Rodziny", nameEn: "Large Family Card holders", nameUk: "Власники Карти великої родини" },
];
