import type { DirectoryDto } from '@okno/shared';

type Department = DirectoryDto['departments'][number];

/** Lower-cased, ё as е: how people type names of bodies. */
const fold = (s: string) => s.toLocaleLowerCase('ru').replace(/ё/g, 'е');

/**
 * The bodies a person may route to, matching every word of the query (in the name or code):
 * active ones only, the suggested body first, then by name.
 */
export function routeOptions(departments: readonly Department[], query: string, suggestedId: number | null): Department[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return departments
    .filter((d) => d.active)
    .filter((d) => {
      const hay = fold(`${d.name} ${d.code}`);
      return words.every((w) => hay.includes(w));
    })
    .sort((a, b) => Number(b.id === suggestedId) - Number(a.id === suggestedId) || a.name.localeCompare(b.name, 'ru'));
}
