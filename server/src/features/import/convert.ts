import { IngestItem, REQUIRED_IMPORT_FIELDS, type ImportField, type ImportSettings, type Sector } from '@okno/shared';
import type { DirectoryLookup } from './directory-lookup.js';
import type { RawRow } from './table.js';
import { parseChannel, parseImportance, parseKind, parseLink, parseReceivedAt, parseSector, plainText } from './values.js';

/** What a row turns into: an item to ingest, or the reasons it cannot be. */
export interface ConvertedRow {
  row: number;
  externalId: string | null;
  item: IngestItem | null;
  errors: string[];
  warnings: string[];
}

export interface ConvertContext {
  lookup: DirectoryLookup;
  /** The centre's UTC offset in minutes: times without an offset are its local time. */
  offsetMinutes: number;
  now: Date;
}

const FIELD_NAMES: Record<ImportField, string> = {
  externalId: 'Номер',
  text: 'Текст',
  title: 'Заголовок',
  receivedAt: 'Дата поступления',
  kind: 'Тип',
  channel: 'Канал',
  authorName: 'Заявитель / автор',
  address: 'Адрес',
  link: 'Ссылка',
  sector: 'Блок',
  category: 'Категория',
  territory: 'Территория',
  importance: 'Важность',
};

/** Why the settings cannot convert any row (a missing required column, a column out of range). */
export function settingsIssues(settings: ImportSettings, columnCount: number): string[] {
  const issues: string[] = [];
  for (const f of REQUIRED_IMPORT_FIELDS) {
    if (settings.mapping[f] == null) issues.push(`Укажите столбец для поля «${FIELD_NAMES[f]}»`);
  }
  for (const [field, index] of Object.entries(settings.mapping)) {
    if (index != null && index >= columnCount) issues.push(`Столбца №${index + 1} для поля «${FIELD_NAMES[field as ImportField]}» в файле нет`);
  }
  return issues;
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
/** Database limits the ingest schema does not check (author name is varchar(255)). */
const AUTHOR_MAX = 255;
const ADDRESS_MAX = 500;
const TITLE_MAX = 300;
const FUTURE_TOLERANCE_MS = 24 * 3_600_000;

/** Converts one row; the ingest schema has the last word on what may be created. */
export function convertRow(raw: RawRow, settings: ImportSettings, ctx: ConvertContext): ConvertedRow {
  const { mapping, defaults } = settings;
  const cell = (f: ImportField): string => {
    const i = mapping[f];
    return i == null ? '' : (raw.cells[i] ?? '').trim();
  };
  const errors: string[] = [];
  const warnings: string[] = [];
  const externalId = cell('externalId').replace(/\.0+$/, '') || null;

  if (!externalId) errors.push('Нет номера (внешнего идентификатора)');
  else if (externalId.length > 200) errors.push('Номер длиннее 200 символов');
  const text = plainText(cell('text'));
  if (!text) errors.push('Нет текста');
  else if (text.length > 20_000) errors.push('Текст длиннее 20 000 символов');

  const kindCell = cell('kind');
  const kind = kindCell ? parseKind(kindCell) : defaults.kind;
  if (kindCell && !kind) errors.push(`Неизвестный тип «${clip(kindCell, 60)}»: ожидается инцидент, сообщение или обращение`);
  else if (!kind) errors.push('Не указан тип, и тип по умолчанию не выбран');

  const channelCell = cell('channel');
  const channel = channelCell ? parseChannel(channelCell) : defaults.channel;
  if (channelCell && !channel) errors.push(`Неизвестный канал «${clip(channelCell, 60)}»`);
  else if (!channel) errors.push('Не указан канал, и канал по умолчанию не выбран');

  let receivedAt: string | undefined;
  const dateCell = cell('receivedAt');
  if (dateCell) {
    const at = parseReceivedAt(dateCell, ctx.offsetMinutes);
    if (!at) errors.push(`Неверная дата «${clip(dateCell, 40)}»: ожидается ДД.ММ.ГГГГ ЧЧ:ММ`);
    else if (at.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS) errors.push(`Дата «${dateCell}» в будущем`);
    else receivedAt = at.toISOString();
  } else if (mapping.receivedAt != null) {
    warnings.push('Нет даты поступления: взято время импорта');
  }

  const sectorCell = cell('sector');
  let sector: Sector | null = sectorCell ? parseSector(sectorCell) : null;
  if (sectorCell && !sector) warnings.push(`Блок «${clip(sectorCell, 60)}» не распознан`);

  let categoryCode: string | null = null;
  const categoryCell = cell('category');
  if (categoryCell) {
    const found = ctx.lookup.category(categoryCell, sector);
    if (found.kind === 'one') {
      categoryCode = found.value.code;
      sector ??= found.value.sector;
    } else if (found.kind === 'ambiguous') {
      warnings.push(`Категория «${clip(categoryCell, 80)}» есть в нескольких блоках: укажите блок`);
    } else {
      warnings.push(`Категории «${clip(categoryCell, 80)}» нет в справочнике`);
    }
  }

  let territoryCode: string | null = null;
  const territoryCell = cell('territory');
  if (territoryCell) {
    const found = ctx.lookup.territory(territoryCell);
    if (found.kind === 'one') territoryCode = found.value;
    else warnings.push(found.kind === 'ambiguous' ? `Территория «${clip(territoryCell, 80)}» неоднозначна: укажите район или округ` : `Территории «${clip(territoryCell, 80)}» нет в справочнике`);
  }

  const linkCell = cell('link');
  const link = linkCell ? parseLink(linkCell) : null;
  if (linkCell && !link) warnings.push(`Ссылка «${clip(linkCell, 60)}» не похожа на адрес и не сохранена`);

  const importanceCell = cell('importance');
  const importance = importanceCell ? parseImportance(importanceCell) : null;
  if (importanceCell && !importance) warnings.push(`Важность «${clip(importanceCell, 40)}» не распознана: обычная`);

  const author = cell('authorName');
  if (author.length > AUTHOR_MAX) warnings.push(`Имя заявителя сокращено до ${AUTHOR_MAX} символов`);
  const title = cell('title');

  if (errors.length > 0) return { row: raw.row, externalId, item: null, errors, warnings };
  const candidate = {
    externalId,
    kind,
    channel,
    text,
    title: title ? clip(plainTextTitle(title), TITLE_MAX) : undefined,
    authorName: author ? clip(author, AUTHOR_MAX) : null,
    address: cell('address') ? clip(cell('address'), ADDRESS_MAX) : null,
    link,
    sector,
    categoryCode,
    territoryCode,
    receivedAt,
    importance: importance ?? undefined,
  };
  const parsed = IngestItem.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      errors.push(`Поле «${FIELD_NAMES[field as ImportField] ?? field}»: недопустимое значение`);
    }
    return { row: raw.row, externalId, item: null, errors, warnings };
  }
  return { row: raw.row, externalId, item: parsed.data, errors, warnings };
}

const plainTextTitle = (s: string) => plainText(s).replace(/\s+/g, ' ');

/** Converts every row; a number seen again in the file is an error on the later row. */
export function convertRows(rows: readonly RawRow[], settings: ImportSettings, ctx: ConvertContext): ConvertedRow[] {
  const firstRowOf = new Map<string, number>();
  return rows.map((raw) => {
    const converted = convertRow(raw, settings, ctx);
    const id = converted.externalId;
    if (id == null) return converted;
    const first = firstRowOf.get(id);
    if (first === undefined) {
      firstRowOf.set(id, raw.row);
      return converted;
    }
    return { ...converted, item: null, errors: [...converted.errors, `Номер «${clip(id, 60)}» повторяется: он уже есть в строке ${first}`] };
  });
}
