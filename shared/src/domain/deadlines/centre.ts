/**
 * A centre's working hours and time zone. Russia keeps no daylight saving time, so a fixed
 * UTC offset per zone is exact (Kostroma is Moscow time, UTC+3; Omsk is UTC+6).
 */

/** Russian IANA zones and their fixed offsets from UTC, in minutes. */
export const RUSSIAN_TIME_ZONES = {
  'Europe/Kaliningrad': 120,
  'Europe/Moscow': 180,
  'Europe/Simferopol': 180,
  'Europe/Kirov': 180,
  'Europe/Volgograd': 180,
  'Europe/Samara': 240,
  'Europe/Astrakhan': 240,
  'Europe/Saratov': 240,
  'Europe/Ulyanovsk': 240,
  'Asia/Yekaterinburg': 300,
  'Asia/Omsk': 360,
  'Asia/Novosibirsk': 420,
  'Asia/Barnaul': 420,
  'Asia/Tomsk': 420,
  'Asia/Novokuznetsk': 420,
  'Asia/Krasnoyarsk': 420,
  'Asia/Irkutsk': 480,
  'Asia/Chita': 540,
  'Asia/Yakutsk': 540,
  'Asia/Khandyga': 540,
  'Asia/Vladivostok': 600,
  'Asia/Ust-Nera': 600,
  'Asia/Magadan': 660,
  'Asia/Sakhalin': 660,
  'Asia/Srednekolymsk': 660,
  'Asia/Kamchatka': 720,
  'Asia/Anadyr': 720,
} as const satisfies Record<string, number>;
export type RussianTimeZone = keyof typeof RUSSIAN_TIME_ZONES;

/** What an administrator sets for a centre; times are local 'HH:MM'. */
export interface CentreSettings {
  /** A Russian IANA zone, or the offset from UTC in minutes. */
  readonly timeZone: RussianTimeZone | number;
  readonly workdayStart?: string;
  readonly workdayEnd?: string;
  readonly lunchBreak?: { readonly start: string; readonly end: string };
  /** How much earlier a shortened pre-holiday day ends, in minutes (Labour Code art. 95: 60). */
  readonly shortDayCutMinutes?: number;
}

/** Working intervals of one day as ms since local midnight: [start1, end1, start2, end2]. */
export type DaySegments = readonly [number, number, number, number];

/** Centre settings resolved into numbers, built once and shared by every calculation. */
export interface Centre {
  readonly offsetMs: number;
  readonly full: DaySegments;
  readonly short: DaySegments;
  readonly fullDayMs: number;
  readonly shortDayMs: number;
}

export const DEFAULT_WORKDAY = { start: '09:00', end: '18:00', shortDayCutMinutes: 60 } as const;
const MINUTE_MS = 60_000;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(hhmm: string): number {
  const m = HH_MM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
}

/** Problems in centre settings; an empty list means makeCentre will accept them. */
export function centreSettingsIssues(s: CentreSettings): string[] {
  const issues: string[] = [];
  const offset = typeof s.timeZone === 'number' ? s.timeZone : RUSSIAN_TIME_ZONES[s.timeZone];
  if (!Number.isInteger(offset) || Math.abs(offset) > 14 * 60) issues.push(`unknown time zone ${String(s.timeZone)}`);
  const start = minutesOf(s.workdayStart ?? DEFAULT_WORKDAY.start);
  const end = minutesOf(s.workdayEnd ?? DEFAULT_WORKDAY.end);
  const cut = s.shortDayCutMinutes ?? DEFAULT_WORKDAY.shortDayCutMinutes;
  if (Number.isNaN(start) || Number.isNaN(end)) issues.push('working hours must be HH:MM');
  else if (start >= end) issues.push('the working day must start before it ends');
  if (!Number.isInteger(cut) || cut < 0 || cut >= end - start) issues.push('shortDayCutMinutes must be less than the working day');
  if (s.lunchBreak) {
    const [bs, be] = [minutesOf(s.lunchBreak.start), minutesOf(s.lunchBreak.end)];
    if (Number.isNaN(bs) || Number.isNaN(be) || !(start < bs && bs < be && be < end - cut)) {
      issues.push('the lunch break must lie inside the (shortened) working day');
    }
  }
  return issues;
}

/** Resolves centre settings into a Centre; throws RangeError when the settings are invalid. */
export function makeCentre(s: CentreSettings): Centre {
  const issues = centreSettingsIssues(s);
  if (issues.length > 0) throw new RangeError(`invalid centre settings: ${issues.join('; ')}`);
  const offset = typeof s.timeZone === 'number' ? s.timeZone : RUSSIAN_TIME_ZONES[s.timeZone];
  const start = minutesOf(s.workdayStart ?? DEFAULT_WORKDAY.start) * MINUTE_MS;
  const end = minutesOf(s.workdayEnd ?? DEFAULT_WORKDAY.end) * MINUTE_MS;
  const shortEnd = end - (s.shortDayCutMinutes ?? DEFAULT_WORKDAY.shortDayCutMinutes) * MINUTE_MS;
  const segments = (dayEnd: number): DaySegments => {
    if (!s.lunchBreak) return [start, dayEnd, dayEnd, dayEnd];
    const bs = minutesOf(s.lunchBreak.start) * MINUTE_MS;
    const be = minutesOf(s.lunchBreak.end) * MINUTE_MS;
    return [start, bs, be, dayEnd];
  };
  const full = segments(end);
  const short = segments(shortEnd);
  const length = (g: DaySegments) => g[1] - g[0] + (g[3] - g[2]);
  return { offsetMs: offset * MINUTE_MS, full, short, fullDayMs: length(full), shortDayMs: length(short) };
}
