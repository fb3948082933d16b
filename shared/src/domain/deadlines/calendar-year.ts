/**
 * One year of the Russian production calendar (производственный календарь) as plain data.
 * Saturdays and Sundays are days off unless listed in `transferredWorkdays`.
 */
export interface ProductionCalendarYear {
  readonly year: number;
  /** The decree the data follows, or why it is only a projection. */
  readonly source: string;
  /** 'projected' until checked against the signed decree. */
  readonly status: 'official' | 'projected';
  /**
   * Every non-working day besides ordinary weekends: the public holidays of the Labour Code
   * art. 112 (also when they fall on a weekend) and the weekdays made days off by a transfer.
   */
  readonly holidays: readonly string[];
  /** Saturdays and Sundays that are working days (рабочие субботы). */
  readonly transferredWorkdays: readonly string[];
  /** Working days one hour shorter because a holiday follows (Labour Code art. 95). */
  readonly shortDays: readonly string[];
}

/** Public holidays fixed by the Labour Code art. 112, as MM-DD. */
export const PUBLIC_HOLIDAYS_MM_DD: readonly string[] = [
  '01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08', // Новогодние каникулы, Рождество
  '02-23', // День защитника Отечества
  '03-08', // Международный женский день
  '05-01', // Праздник Весны и Труда
  '05-09', // День Победы
  '06-12', // День России
  '11-04', // День народного единства
];

export const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number since 1970-01-01 of a YYYY-MM-DD date, or NaN when it is not a real date. */
export function dayNumberOf(isoDate: string): number {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d
    ? ms / DAY_MS
    : Number.NaN;
}

/** The YYYY-MM-DD date of a day number. */
export function isoDateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day of week of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Whether a day number is a Saturday or a Sunday. */
export function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

/** Problems in one year's data; an empty list means the year is usable. */
export function calendarYearIssues(cal: ProductionCalendarYear): string[] {
  const issues: string[] = [];
  const lists = { holidays: cal.holidays, transferredWorkdays: cal.transferredWorkdays, shortDays: cal.shortDays };
  for (const [name, list] of Object.entries(lists)) {
    const seen = new Set<string>();
    for (const date of list) {
      if (Number.isNaN(dayNumberOf(date))) issues.push(`${name}: ${date} is not a YYYY-MM-DD date`);
      else if (!date.startsWith(`${cal.year}-`)) issues.push(`${name}: ${date} is outside ${cal.year}`);
      if (seen.has(date)) issues.push(`${name}: ${date} is listed twice`);
      seen.add(date);
    }
  }
  const holidays = new Set(cal.holidays);
  const workdays = new Set(cal.transferredWorkdays);
  for (const mmdd of PUBLIC_HOLIDAYS_MM_DD) {
    if (!holidays.has(`${cal.year}-${mmdd}`)) issues.push(`holidays: the public holiday ${cal.year}-${mmdd} is missing`);
  }
  for (const date of cal.transferredWorkdays) {
    if (holidays.has(date)) issues.push(`transferredWorkdays: ${date} is also a holiday`);
    if (!isWeekend(dayNumberOf(date))) issues.push(`transferredWorkdays: ${date} is not a Saturday or Sunday`);
  }
  for (const date of cal.shortDays) {
    const working = workdays.has(date) || (!holidays.has(date) && !isWeekend(dayNumberOf(date)));
    if (!working) issues.push(`shortDays: ${date} is not a working day`);
  }
  return issues;
}

/** Totals of one year for a five-day 40-hour week, as the official calendar publishes them. */
export interface CalendarYearTotals {
  readonly workingDays: number;
  readonly daysOff: number;
  readonly shortDays: number;
  readonly hours40: number;
}

/** Working days, days off and the 40-hour-week norm of hours for one year. */
export function calendarYearTotals(cal: ProductionCalendarYear): CalendarYearTotals {
  const holidays = new Set(cal.holidays);
  const workdays = new Set(cal.transferredWorkdays);
  const first = Date.UTC(cal.year, 0, 1) / DAY_MS;
  const last = Date.UTC(cal.year, 11, 31) / DAY_MS;
  let workingDays = 0;
  for (let d = first; d <= last; d++) {
    const date = isoDateOf(d);
    if (workdays.has(date) || (!holidays.has(date) && !isWeekend(d))) workingDays++;
  }
  const daysOff = last - first + 1 - workingDays;
  return { workingDays, daysOff, shortDays: cal.shortDays.length, hours40: workingDays * 8 - cal.shortDays.length };
}
