import { DAY_MS } from './calendar-year.js';
import type { Centre, DaySegments } from './centre.js';
import {
  DAY_OFF,
  dayKind,
  FULL_DAY,
  fullDaysBefore,
  isWorkingDay,
  shortDaysBefore,
  SHORT_DAY,
  type WorkingCalendar,
} from './working-calendar.js';

export const HOUR_MS = 3_600_000;

/** Where a calendar-day period ends when its last day is not a working day. */
export const NON_WORKING_END_RULES = ['previous_working_day', 'next_working_day'] as const;
export type NonWorkingEnd = (typeof NON_WORKING_END_RULES)[number];

/** The centre's local day number of an instant. */
export function localDay(at: number, centre: Centre): number {
  return Math.floor((at + centre.offsetMs) / DAY_MS);
}

function segmentsOf(cal: WorkingCalendar, day: number, centre: Centre): DaySegments {
  return dayKind(cal, day) === SHORT_DAY ? centre.short : centre.full;
}

/** Working ms from the start of the calendar table to local midnight of `day`. */
function workingMsBeforeDay(cal: WorkingCalendar, day: number, centre: Centre): number {
  return fullDaysBefore(cal, day) * centre.fullDayMs + shortDaysBefore(cal, day) * centre.shortDayMs;
}

function clamp(x: number, hi: number): number {
  return x < 0 ? 0 : x > hi ? hi : x;
}

/**
 * Position of an instant on the working-time axis: working ms elapsed since the table start.
 * Differences of positions are working time between instants; O(1), no allocation.
 */
export function workingPosition(at: number, cal: WorkingCalendar, centre: Centre): number {
  const local = at + centre.offsetMs;
  const day = Math.floor(local / DAY_MS);
  const base = workingMsBeforeDay(cal, day, centre);
  const kind = dayKind(cal, day);
  if (kind === DAY_OFF) return base;
  const g = kind === FULL_DAY ? centre.full : centre.short;
  const t = local - day * DAY_MS;
  return base + clamp(t - g[0], g[1] - g[0]) + clamp(t - g[2], g[3] - g[2]);
}

/** The instant the centre's working hours end on a local day. */
export function endOfWorkingDay(cal: WorkingCalendar, day: number, centre: Centre): Date {
  return new Date(day * DAY_MS + segmentsOf(cal, day, centre)[3] - centre.offsetMs);
}

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

/**
 * Due instant `days` calendar days after `start` (the day of `start` is day 0, as the Civil Code
 * art. 191 counts), at the end of working hours; a non-working last day moves per `onNonWorkingEnd`,
 * but never back onto or before the day of `start`.
 */
export function addCalendarDays(
  start: Date,
  days: number,
  cal: WorkingCalendar,
  centre: Centre,
  onNonWorkingEnd: NonWorkingEnd = 'previous_working_day',
): Date {
  assertCount(days, 'days');
  const startDay = localDay(start.getTime(), centre);
  let day = startDay + days;
  if (!isWorkingDay(cal, day) && onNonWorkingEnd === 'previous_working_day') {
    let back = day - 1;
    while (back > startDay && !isWorkingDay(cal, back)) back--;
    if (back > startDay) day = back;
  }
  while (!isWorkingDay(cal, day)) day++;
  return endOfWorkingDay(cal, day, centre);
}

/** Due instant at the end of working hours of the `days`-th working day after the day of `start`. */
export function addWorkingDays(start: Date, days: number, cal: WorkingCalendar, centre: Centre): Date {
  assertCount(days, 'days');
  let day = localDay(start.getTime(), centre);
  if (days === 0) {
    while (!isWorkingDay(cal, day)) day++;
  } else {
    for (let counted = 0; counted < days; ) if (isWorkingDay(cal, ++day)) counted++;
  }
  return endOfWorkingDay(cal, day, centre);
}

/**
 * The earliest instant by which `hours` of the centre's working time have passed since `start`;
 * time outside working hours does not count, so an arrival at night starts at the next opening.
 */
export function addWorkingHours(start: Date, hours: number, cal: WorkingCalendar, centre: Centre): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`hours must be non-negative, got ${hours}`);
  const from = workingPosition(start.getTime(), cal, centre);
  const target = from + hours * HOUR_MS;
  if (target === from) return new Date(start.getTime()); // zero, or too small to move a double
  let day = localDay(start.getTime(), centre);
  while (workingMsBeforeDay(cal, day + 1, centre) < target) day++;
  const g = segmentsOf(cal, day, centre);
  const rest = target - workingMsBeforeDay(cal, day, centre);
  const first = g[1] - g[0];
  const local = rest <= first ? g[0] + rest : g[2] + (rest - first);
  return new Date(Math.ceil(day * DAY_MS + local - centre.offsetMs)); // whole ms, never early
}
