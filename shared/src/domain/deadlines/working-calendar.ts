import {
  calendarYearIssues,
  DAY_MS,
  dayNumberOf,
  isWeekend,
  type ProductionCalendarYear,
} from './calendar-year.js';

/** What a local calendar day is for the centre. */
export const DAY_OFF = 0;
export const FULL_DAY = 1;
export const SHORT_DAY = 2;
export type DayKind = typeof DAY_OFF | typeof FULL_DAY | typeof SHORT_DAY;

/**
 * Production calendars of several years compiled into lookup tables indexed by day number
 * (days since 1970-01-01). Days outside the table follow the plain five-day week, so every
 * function stays total; `coveredYears` says which years have real data.
 */
export interface WorkingCalendar {
  readonly firstDay: number;
  readonly kinds: Uint8Array;
  /** fullBefore[i]: full working days in [firstDay, firstDay + i); length kinds.length + 1. */
  readonly fullBefore: Int32Array;
  readonly shortBefore: Int32Array;
  readonly coveredYears: readonly number[];
}

/** Compiles production calendar years into a WorkingCalendar; throws RangeError on bad data. */
export function buildWorkingCalendar(years: readonly ProductionCalendarYear[]): WorkingCalendar {
  if (years.length === 0) throw new RangeError('a working calendar needs at least one year');
  const issues = years.flatMap((y) => calendarYearIssues(y).map((i) => `${y.year}: ${i}`));
  const numbers = years.map((y) => y.year);
  if (new Set(numbers).size !== numbers.length) issues.push('a year is given twice');
  if (issues.length > 0) throw new RangeError(`invalid production calendar: ${issues.join('; ')}`);

  const firstDay = Date.UTC(Math.min(...numbers), 0, 1) / DAY_MS;
  const endDay = Date.UTC(Math.max(...numbers) + 1, 0, 1) / DAY_MS;
  const kinds = new Uint8Array(endDay - firstDay);
  for (let i = 0; i < kinds.length; i++) kinds[i] = isWeekend(firstDay + i) ? DAY_OFF : FULL_DAY;
  for (const y of years) {
    for (const date of y.holidays) kinds[dayNumberOf(date) - firstDay] = DAY_OFF;
    for (const date of y.transferredWorkdays) kinds[dayNumberOf(date) - firstDay] = FULL_DAY;
    for (const date of y.shortDays) kinds[dayNumberOf(date) - firstDay] = SHORT_DAY;
  }
  const fullBefore = new Int32Array(kinds.length + 1);
  const shortBefore = new Int32Array(kinds.length + 1);
  for (let i = 0; i < kinds.length; i++) {
    fullBefore[i + 1] = fullBefore[i]! + (kinds[i] === FULL_DAY ? 1 : 0);
    shortBefore[i + 1] = shortBefore[i]! + (kinds[i] === SHORT_DAY ? 1 : 0);
  }
  return { firstDay, kinds, fullBefore, shortBefore, coveredYears: [...numbers].sort((a, b) => a - b) };
}

// Weekdays among the first r days of a week that starts on a Thursday (day 0 was a Thursday).
const WEEKDAYS_IN_FIRST = [0, 1, 2, 2, 2, 3, 4] as const;

/** Mondays–Fridays in [0, day) (negative for days before 1970), in O(1). */
function weekdaysBefore(day: number): number {
  const weeks = Math.floor(day / 7);
  return weeks * 5 + WEEKDAYS_IN_FIRST[(day - weeks * 7) as 0 | 1 | 2 | 3 | 4 | 5 | 6];
}

/** The kind of a local day; outside the table, Monday–Friday are full working days. */
export function dayKind(cal: WorkingCalendar, day: number): DayKind {
  const i = day - cal.firstDay;
  if (i >= 0 && i < cal.kinds.length) return cal.kinds[i] as DayKind;
  return isWeekend(day) ? DAY_OFF : FULL_DAY;
}

/** Whether a local day is a working day (full or shortened). */
export function isWorkingDay(cal: WorkingCalendar, day: number): boolean {
  return dayKind(cal, day) !== DAY_OFF;
}

/** Full working days before `day`, counted from the start of the table (negative before it). */
export function fullDaysBefore(cal: WorkingCalendar, day: number): number {
  const i = day - cal.firstDay;
  const n = cal.kinds.length;
  if (i < 0) return weekdaysBefore(day) - weekdaysBefore(cal.firstDay);
  if (i <= n) return cal.fullBefore[i]!;
  return cal.fullBefore[n]! + weekdaysBefore(day) - weekdaysBefore(cal.firstDay + n);
}

/** Shortened working days before `day`, counted from the start of the table. */
export function shortDaysBefore(cal: WorkingCalendar, day: number): number {
  const i = day - cal.firstDay;
  if (i < 0) return 0;
  return cal.shortBefore[Math.min(i, cal.kinds.length)]!;
}

/** Whether the calendar holds real data for the year of a day number. */
export function coversDay(cal: WorkingCalendar, day: number): boolean {
  return cal.coveredYears.includes(new Date(day * DAY_MS).getUTCFullYear());
}
