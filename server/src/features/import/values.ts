import type { Channel, IncidentImportance, ItemKind, Sector } from '@okno/shared';
import { normalizeLabel } from './headers.js';

/** Reads a cell by the first pattern it matches (on normalizeLabel), or null. */
function byPatterns<T>(value: string, table: readonly (readonly [RegExp, T])[]): T | null {
  const label = normalizeLabel(value);
  if (!label) return null;
  for (const [re, v] of table) if (re.test(label)) return v;
  return null;
}

const KINDS: readonly (readonly [RegExp, ItemKind])[] = [
  [/^(incident|инцидент|публикаци|пост|комментари|упоминани|запись в соц)/, 'incident'],
  [/^(message|сообщени)/, 'message'],
  [/^(appeal|обращени|жалоб|заявлени|предложени)/, 'appeal'],
];

/** An item kind as exports name it («Инцидент», «Сообщение», «Обращение (59-ФЗ)», «Жалоба» …). */
export const parseKind = (value: string): ItemKind | null => byPatterns(value, KINDS);

const CHANNELS: readonly (readonly [RegExp, Channel])[] = [
  [/(вконтакте|^вк$|^vk|vk com|vkontakte)/, 'vk'],
  [/(одноклассники|^ок$|^ok$|ok ru|odnoklassniki)/, 'ok'],
  [/(telegram|телеграм|^tg$|t me)/, 'telegram'],
  [/(^пос$|^pos$|госуслуг|gosuslugi|платформа обратной связи|виджет|мобильное приложение|портал)/, 'pos'],
  [/(колл|call|телефон|горячая линия|^112$|^122$)/, 'call_centre'],
  [/(регион\S* платформ|regional)/, 'regional_platform'],
  [/(почт|e ?mail|письм)/, 'email'],
  [/(facebook|instagram|twitter|^x$|youtube|дзен|dzen|zen|tiktok|rutube|форум|сми|соц|other|max|макс|мессенджер|блог|сайт|web|livejournal)/, 'other_social'],
];

/** A channel as exports name it («ВКонтакте», «vk.com», «Госуслуги», «Telegram» …). */
export const parseChannel = (value: string): Channel | null => byPatterns(value, CHANNELS);

const SECTORS: readonly (readonly [RegExp, Sector])[] = [
  [/^(housing|жкх|жилищн|коммунал)/, 'housing'],
  [/^(waste|тко|отход|мусор|вывоз)/, 'waste'],
  [/^(energy|энерг|электр|газ)/, 'energy'],
  [/^(education|образован|школ|детск)/, 'education'],
  [/^(health|здравоохран|медицин|здоровье)/, 'health'],
  [/^(roads|дорог|автомобильн)/, 'roads'],
  [/^(transport|транспорт|общественный транспорт)/, 'transport'],
  [/^(social|соц\S* защит|соцзащит|социальн)/, 'social'],
  [/^(other|прочее|прочие|другое|иное)/, 'other'],
];

/** A sector by its code or Russian name («ЖКХ», «ТКО», «Дороги», «Социальная защита» …). */
export const parseSector = (value: string): Sector | null => byPatterns(value, SECTORS);

const IMPORTANCE: readonly (readonly [RegExp, IncidentImportance])[] = [
  [/^(high|высок|срочн|критич|важн|да$)/, 'high'],
  [/^(normal|обычн|средн|низк|нет$)/, 'normal'],
];

/** Importance of an incident («Высокая», «Обычная» …). */
export const parseImportance = (value: string): IncidentImportance | null => byPatterns(value, IMPORTANCE);

const DMY = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const MINUTE = 60_000;

/** An instant from local clock fields at a UTC offset (minutes), or null when they are no date. */
function localInstant(y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMinutes: number): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(utc);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null; // 31.02
  return new Date(utc - offsetMinutes * MINUTE);
}

/** Days from 1899-12-30 (Excel's epoch) of a serial date that lost its date format. */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/**
 * When an item was received, from a cell: «18.10.2020 14:50», «18.10.2020», ISO with or
 * without an offset, or an Excel serial number. Times without an offset are the centre's
 * local time (`offsetMinutes` from UTC). Null when the text is not a date.
 */
export function parseReceivedAt(value: string, offsetMinutes: number): Date | null {
  const v = value.trim();
  let m = DMY.exec(v);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return localInstant(year, Number(m[2]), Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), offsetMinutes);
  }
  m = ISO.exec(v);
  if (m) {
    const zone = m[7];
    let offset = offsetMinutes;
    if (zone) {
      const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
      offset = z ? (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3])) : 0;
    }
    return localInstant(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), offset);
  }
  if (/^\d{5}(\.\d+)?$/.test(v)) {
    const serial = Number(v);
    if (serial < 36_526 || serial > 73_051) return null; // 2000 … 2099
    return new Date(EXCEL_EPOCH_UTC + Math.round(serial * 86_400) * 1000 - offsetMinutes * MINUTE);
  }
  return null;
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", laquo: '«', raquo: '»', mdash: '—', ndash: '–' };

/** Text from a cell that may hold HTML (ПОС exports keep the form's markup): tags out, entities decoded. */
export function plainText(value: string): string {
  if (!/<[a-z/][^>]*>|&[a-z]+;|&#\d+;/i.test(value)) return value.trim();
  return value
    .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/li>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&([a-z]+);/gi, (all, name: string) => ENTITIES[name.toLowerCase()] ?? all)
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/** A link as a URL: a bare «vk.com/wall-1_2» gets https://; anything else that is no URL is null. */
export function parseLink(value: string): string | null {
  const v = value.trim();
  const candidate = /^https?:\/\//i.test(v) ? v : /^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(v) ? `https://${v}` : null;
  if (!candidate) return null;
  try {
    return new URL(candidate).toString();
  } catch {
    return null;
  }
}
