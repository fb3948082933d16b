import type { Sector } from '@okno/shared';
import type { Em } from '../../db/orm.js';
import { Category, Territory } from '../directory/directory.entity.js';
import { normalizeLabel } from './headers.js';

/** A lookup by name: one match, several (the file must say more), or none. */
export type Found<T> = { kind: 'one'; value: T } | { kind: 'ambiguous' } | { kind: 'none' };

/** Categories and territories of the directory, found by code or by name as exports write them. */
export interface DirectoryLookup {
  /** A category by code or name; among same-named ones (each sector's «Прочие…»), the one of `sector`. */
  category(value: string, sector: Sector | null): Found<{ code: string; sector: Sector }>;
  /** A territory code by code, municipality, district or both («Курск, Центральный округ»). */
  territory(value: string): Found<string>;
}

interface CategoryRow {
  code: string;
  name: string;
  sector: Sector;
}
interface TerritoryRow {
  code: string;
  municipality: string;
  district?: string | null;
}

/** Words that name the kind of a territory rather than which one («город», «район», «округ» …). */
const TERRITORY_NOISE = new Set(['город', 'г', 'го', 'городской', 'округ', 'район', 'муниципальный', 'муниципальное', 'образование', 'мо', 'административный', 'поселок', 'пгт', 'село']);

export function territoryKey(s: string): string {
  return normalizeLabel(s)
    .split(' ')
    .filter((w) => w && !TERRITORY_NOISE.has(w))
    .join(' ');
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  if (!key) return;
  const list = map.get(key) ?? [];
  if (!list.includes(value)) list.push(value);
  map.set(key, list);
}

function pick<T>(list: readonly T[] | undefined): Found<T> {
  if (!list || list.length === 0) return { kind: 'none' };
  return list.length === 1 ? { kind: 'one', value: list[0]! } : { kind: 'ambiguous' };
}

/** Builds the lookup from directory rows (pure: tests pass rows directly). */
export function buildLookup(categories: readonly CategoryRow[], territories: readonly TerritoryRow[]): DirectoryLookup {
  const categoryByKey = new Map<string, CategoryRow[]>();
  for (const c of categories) {
    addTo(categoryByKey, c.code.toLowerCase(), c);
    addTo(categoryByKey, normalizeLabel(c.name), c);
  }
  const territoryByKey = new Map<string, string[]>();
  for (const t of territories) {
    addTo(territoryByKey, t.code.toLowerCase(), t.code);
    addTo(territoryByKey, territoryKey(t.municipality), t.code);
    if (t.district) {
      addTo(territoryByKey, territoryKey(t.district), t.code);
      addTo(territoryByKey, `${territoryKey(t.municipality)} ${territoryKey(t.district)}`, t.code);
    }
  }
  return {
    category(value, sector) {
      const v = value.trim();
      const list = categoryByKey.get(v.toLowerCase()) ?? categoryByKey.get(normalizeLabel(v));
      const inSector = list && list.length > 1 && sector ? list.filter((c) => c.sector === sector) : list;
      const found = pick(inSector);
      return found.kind === 'one' ? { kind: 'one', value: { code: found.value.code, sector: found.value.sector } } : found;
    },
    territory(value) {
      const v = value.trim();
      return pick(territoryByKey.get(v.toLowerCase()) ?? territoryByKey.get(territoryKey(v)));
    },
  };
}

/** The lookup over the current directory (small tables: read whole). */
export async function loadLookup(em: Em): Promise<DirectoryLookup> {
  const [categories, territories] = await Promise.all([em.find(Category, {}), em.find(Territory, {})]);
  return buildLookup(categories, territories);
}
