import type { ImportDefaults, ImportField, ImportMapping, ImportPreset } from '@okno/shared';

/** A header or a value reduced for matching: lower case, ё → е, punctuation to spaces. */
export function normalizeLabel(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/№/g, ' номер ')
    .replace(/[«»"'`*:;.,()[\]{}_\-–—/\\|!?]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const OF_ITEM = '(обращения|сообщения|заявки|инцидента|публикации|поста|записи|жалобы|комментария)';

/**
 * Typical headers of ПОС and «Инцидент Менеджмент» exports per field, most specific first
 * (the rank breaks ties: «Номер обращения» beats a bare «№»). Matched on normalizeLabel().
 */
const PATTERNS: Record<ImportField, RegExp[]> = {
  externalId: [
    new RegExp(`^(номер|id|идентификатор|код) ${OF_ITEM}$`),
    /^(внешний|уникальный|регистрационный|рег) (номер|id|идентификатор)/,
    /^(external ?id|appeal id|message id|post id|incident id)$/,
    /^(номер|id|идентификатор|uid|uuid)$/,
  ],
  text: [
    new RegExp(`^текст( ${OF_ITEM})?$`),
    new RegExp(`^(содержание|суть|описание)( (${OF_ITEM.slice(1, -1)}|проблемы))?$`),
    /^(text|message|body|content)$/,
    /^сообщение$/,
  ],
  title: [/^заголовок/, /^краткое (содержание|описание)$/, /^(title|subject)$/],
  receivedAt: [
    /^(дата|время)( и время| время)? (поступления|создания|регистрации|публикации|обращения|подачи|получения|сообщения|поста)/,
    /^дата( и время| время)?$/,
    /^(created at|received at|published at|date|datetime|created)$/,
  ],
  kind: [new RegExp(`^(тип|вид|форма)( ${OF_ITEM})?$`), /^(kind|type)$/],
  channel: [
    /^(соцсеть|социальная сеть|соц сеть)$/,
    /^канал( поступления)?$/,
    /^(площадка|платформа|источник)( (публикации|поступления))?$/,
    /^(channel|network|source|platform)$/,
  ],
  authorName: [
    new RegExp(`^(заявитель|автор)( ${OF_ITEM})?$`),
    /^фио( (заявителя|автора))?$/,
    /^(отправитель|author|applicant)$/,
  ],
  link: [
    /^ссылка( на (пост|публикацию|сообщение|обращение|источник|запись|комментарий))?$/,
    /^(url|link|адрес публикации|адрес поста)$/,
  ],
  address: [/^адрес( (проблемы|объекта|места|заявителя|события))?$/, /^(место|местоположение)( проблемы)?$/, /^address$/],
  sector: [/^(отраслевой блок|блок|отрасль|сфера|направление)$/, /^sector$/],
  category: [
    /^подкатегория$/,
    new RegExp(`^(категория|тема|рубрика|тематика)( ${OF_ITEM})?$`),
    /^(category|topic|subcategory)$/,
  ],
  territory: [
    /^муниципальн\S* (образование|район|округ)$/,
    /^(мо|район|округ|территория|городской округ|муниципалитет|населенный пункт|город)$/,
    /^(municipality|district|territory)$/,
  ],
  importance: [/^(важность|приоритет|критичность|срочность|значимость)$/, /^(importance|priority)$/],
};

/** Fields in the order they claim columns: required ones first. */
const CLAIM_ORDER: readonly ImportField[] = [
  'externalId',
  'text',
  'receivedAt',
  'link',
  'address',
  'authorName',
  'kind',
  'channel',
  'category',
  'sector',
  'territory',
  'importance',
  'title',
];

function rank(field: ImportField, label: string): number {
  const i = PATTERNS[field].findIndex((re) => re.test(label));
  return i < 0 ? Number.POSITIVE_INFINITY : i;
}

/** The field a header names, or null. */
export function recognizeHeader(header: string): ImportField | null {
  const label = normalizeLabel(header);
  if (!label) return null;
  for (const field of CLAIM_ORDER) if (rank(field, label) < Number.POSITIVE_INFINITY) return field;
  return null;
}

/** How many cells of a row read as known headers (finds the header row below a title). */
export function headerScore(cells: readonly string[]): number {
  return cells.filter((c) => recognizeHeader(c) !== null).length;
}

/**
 * Suggests a column for each field from the headers: each field takes its best-ranked column,
 * each column feeds one field. With both «Категория» and «Подкатегория», the subcategory is
 * the category and the category names the sector (as ПОС exports them).
 */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const labels = headers.map(normalizeLabel);
  const taken = new Set<number>();
  const mapping: ImportMapping = {};
  for (const field of CLAIM_ORDER) {
    let best: { index: number; rank: number } | null = null;
    labels.forEach((label, index) => {
      if (taken.has(index) || !label) return;
      const r = rank(field, label);
      if (r < (best?.rank ?? Number.POSITIVE_INFINITY)) best = { index, rank: r };
    });
    const chosen = best as { index: number; rank: number } | null;
    if (chosen) {
      mapping[field] = chosen.index;
      taken.add(chosen.index);
    }
  }
  if (mapping.sector == null && mapping.category != null && labels[mapping.category] === 'подкатегория') {
    const broad = labels.findIndex((l, i) => !taken.has(i) && /^категория/.test(l));
    if (broad >= 0) mapping.sector = broad;
  }
  return mapping;
}

const IM_SIGNS = /соцсет|социальная сеть|текст (поста|публикации)|ссылка на (пост|публикацию)|площадка|инцидент|охват|просмотр|лайк|тональност|^автор$/;
const POS_SIGNS = /обращени|заявител|подкатегория|госуслуг|^пос\b|дата поступления|муниципальн|номер сообщения|текст сообщения/;

/** Whose export the headers look like: ПОС, «Инцидент Менеджмент», or neither. */
export function detectPreset(headers: readonly string[]): ImportPreset | null {
  const labels = headers.map(normalizeLabel);
  const im = labels.filter((l) => IM_SIGNS.test(l)).length;
  const pos = labels.filter((l) => POS_SIGNS.test(l)).length;
  if (im === pos) return null;
  return im > pos ? 'im' : 'pos';
}

/** Defaults a preset implies: ПОС brings messages, ИМ brings incidents from social networks. */
export function presetDefaults(preset: ImportPreset | null): ImportDefaults {
  switch (preset) {
    case 'pos':
      return { kind: 'message', channel: 'pos', origin: 'pos' };
    case 'im':
      return { kind: 'incident', channel: 'other_social', origin: 'im' };
    case null:
      return { kind: null, channel: null, origin: 'file' };
    default: {
      const never: never = preset;
      throw new Error(`unknown preset ${String(never)}`);
    }
  }
}
