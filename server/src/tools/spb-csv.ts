/**
 * Maps a row of the «Наш Санкт-Петербург» appeals CSV (shared/data/spb-nash-peterburg, see its
 * README) to an ingest item. The portal's taxonomy is not ours: sector and category are guessed
 * from the portal category and a few words of the text, and left empty when unsure, as an
 * operator would categorise them anyway. Texts are passed on as they are and never logged.
 */
import type { IngestItem, Sector } from '@okno/shared';
import { z } from 'zod';

/** The columns the mapping reads; the file has more, which are ignored. */
export const SpbAppealRow = z.object({
  appeal_id: z.string().trim().min(1),
  district: z.string().optional(),
  category: z.string().optional(),
  text: z.string().optional(),
  address: z.string().optional(),
});
export type SpbAppealRow = z.infer<typeof SpbAppealRow>;

/** St Petersburg's districts as territory codes; the server may know them or ignore them. */
export const SPB_DISTRICTS: Readonly<Record<string, string>> = {
  Адмиралтейский: 'spb.admiralteysky',
  Василеостровский: 'spb.vasileostrovsky',
  Выборгский: 'spb.vyborgsky',
  Калининский: 'spb.kalininsky',
  Кировский: 'spb.kirovsky',
  Колпинский: 'spb.kolpinsky',
  Красногвардейский: 'spb.krasnogvardeysky',
  Красносельский: 'spb.krasnoselsky',
  Кронштадтский: 'spb.kronshtadtsky',
  Курортный: 'spb.kurortny',
  Московский: 'spb.moskovsky',
  Невский: 'spb.nevsky',
  Петроградский: 'spb.petrogradsky',
  Петродворцовый: 'spb.petrodvortsovy',
  Приморский: 'spb.primorsky',
  Пушкинский: 'spb.pushkinsky',
  Фрунзенский: 'spb.frunzensky',
  Центральный: 'spb.central',
};

type Rule = readonly [RegExp, string];

// Keyword rules per portal category, first match wins; the last rule is the default.
const KEYWORD_RULES: readonly Rule[] = [
  [/светофор/, 'roads.traffic_lights'],
  [/снег|налед|гололед|сосул|пескосол/, 'roads.snow'],
  [/проезж|дорожн|асфальт|ям[аы]|выбоин/, 'roads.potholes'],
  [/тротуар/, 'roads.sidewalks'],
  [/контейнер/, 'waste.container_sites'],
  [/свалк/, 'waste.dumps'],
  [/мусор|урн[аыу]|отход/, 'waste.collection'],
  [/освещ|фонар|ламп|не горит/, 'housing.lighting'],
  [/люк|колод|канализ|ливнев/, 'housing.sewerage'],
];

const CATEGORY_RULES: Readonly<Record<string, { rules: readonly Rule[]; fallback: string | null }>> = {
  Благоустройство: { rules: KEYWORD_RULES, fallback: 'housing.yards' },
  'Повреждения или неисправность элементов уличной инфраструктуры': { rules: KEYWORD_RULES, fallback: 'roads.misc' },
  'Содержание МКД': { rules: [[/лифт/, 'housing.elevators'], [/мусор/, 'waste.collection']], fallback: 'housing.management' },
  Кровля: { rules: [], fallback: 'housing.management' },
  Фасад: { rules: [], fallback: 'housing.management' },
  Подвалы: { rules: [], fallback: 'housing.management' },
  'Санитарное состояние': { rules: [], fallback: 'housing.management' },
  Водоснабжение: { rules: [], fallback: 'housing.water' },
  Водоотведение: { rules: [], fallback: 'housing.sewerage' },
  'Центральное отопление': { rules: [], fallback: 'housing.heating' },
  'Нарушение правил пользования общим имуществом': { rules: [], fallback: 'housing.misc' },
  'Нарушение порядка пользования общим имуществом': { rules: [], fallback: 'housing.misc' },
  'Незаконная информационная и (или) рекламная конструкция': { rules: [], fallback: 'other.advertising' },
  'Состояние рекламных или информационных конструкций': { rules: [], fallback: 'other.advertising' },
  'Незаконная реализация товаров с торгового оборудования (прилавок, ящик, с земли)': { rules: [], fallback: 'other.trade' },
};

/** Our category code for a portal category and text, or null when the category is unknown. */
export function guessCategoryCode(category: string, text: string): string | null {
  const entry = CATEGORY_RULES[category.trim()];
  if (!entry) return null;
  const normalised = text.toLowerCase().replaceAll('ё', 'е');
  return entry.rules.find(([re]) => re.test(normalised))?.[1] ?? entry.fallback;
}

function sectorOf(categoryCode: string): Sector {
  return categoryCode.slice(0, categoryCode.indexOf('.')) as Sector;
}

function clip(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) : s;
}

/** The ingest item for one CSV row, received at `receivedAt`; null for a row without an id. */
export function spbRowToIngestItem(raw: unknown, receivedAt: Date): IngestItem | null {
  const parsed = SpbAppealRow.safeParse(raw);
  if (!parsed.success) return null;
  const row = parsed.data;
  const category = row.category?.trim() ?? '';
  const text = row.text?.trim() ?? '';
  const categoryCode = guessCategoryCode(category, text);
  const address = row.address?.trim();
  return {
    externalId: `spb-${row.appeal_id}`,
    kind: 'appeal',
    channel: 'regional_platform',
    title: clip(category || 'Обращение', 300),
    // A few appeals carry only a photo: the portal category is then all we know.
    text: clip(text || category || 'Обращение без текста', 20_000),
    authorName: null,
    link: null,
    sector: categoryCode ? sectorOf(categoryCode) : null,
    categoryCode,
    territoryCode: SPB_DISTRICTS[row.district?.trim() ?? ''] ?? null,
    address: address ? clip(address, 500) : null,
    receivedAt: receivedAt.toISOString(),
  };
}
