import { describe, expect, it } from 'vitest';
import {
  calendarYearIssues,
  calendarYearTotals,
  dayNumberOf,
  isoDateOf,
  type ProductionCalendarYear,
} from './calendar-year.js';
import { CALENDAR_2025, CALENDAR_2026, CALENDAR_2027, RUSSIAN_CALENDARS } from './calendars/index.js';
import {
  buildWorkingCalendar,
  coversDay,
  DAY_OFF,
  dayKind,
  FULL_DAY,
  fullDaysBefore,
  SHORT_DAY,
  shortDaysBefore,
} from './working-calendar.js';

const cal = buildWorkingCalendar(RUSSIAN_CALENDARS);
const kindOf = (date: string) => dayKind(cal, dayNumberOf(date));

function workingDaysInMonth(year: number, month: number): number {
  let n = 0;
  for (let d = 1; d <= new Date(Date.UTC(year, month, 0)).getUTCDate(); d++) {
    if (kindOf(`${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`) !== DAY_OFF) n++;
  }
  return n;
}

describe('production calendar data (RULES.md: the calendar is data, a file per year)', () => {
  it.each(RUSSIAN_CALENDARS.map((c) => [c.year, c] as const))('%i passes validation', (_year, c) => {
    expect(calendarYearIssues(c)).toEqual([]);
  });

  it.each([
    [2025, CALENDAR_2025, { workingDays: 247, daysOff: 118, shortDays: 4, hours40: 1972 }],
    [2026, CALENDAR_2026, { workingDays: 247, daysOff: 118, shortDays: 4, hours40: 1972 }],
    [2027, CALENDAR_2027, { workingDays: 247, daysOff: 118, shortDays: 4, hours40: 1972 }],
  ])('%i has 247 working days, 118 days off and 1972 hours for a five-day week', (_year, c, totals) => {
    expect(calendarYearTotals(c)).toEqual(totals);
  });

  it.each([
    [2025, [17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22]],
    [2026, [15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22]],
  ])('%i has the official working days in every month', (year, months) => {
    expect(months.map((_, i) => workingDaysInMonth(year, i + 1))).toEqual(months);
  });

  it('marks only 2027 as projected', () => {
    expect(RUSSIAN_CALENDARS.map((c) => c.status)).toEqual(['official', 'official', 'projected']);
  });

  it('knows the 2025 transfers of decree № 1335', () => {
    expect(kindOf('2025-11-01')).toBe(SHORT_DAY); // working Saturday, shortened before 4 Nov
    expect(kindOf('2025-11-03')).toBe(DAY_OFF);
    expect(kindOf('2025-05-08')).toBe(DAY_OFF); // from Sunday 23 Feb
    expect(kindOf('2025-06-13')).toBe(DAY_OFF); // from Saturday 8 Mar
    expect(kindOf('2025-02-24')).toBe(FULL_DAY); // no Monday off after Sunday 23 Feb
    expect(kindOf('2025-03-07')).toBe(SHORT_DAY);
    expect(kindOf('2025-12-31')).toBe(DAY_OFF);
    expect(kindOf('2025-12-30')).toBe(FULL_DAY);
  });

  it('keeps the New Year holidays 2026 from 31 Dec 2025 to 11 Jan 2026', () => {
    const days = ['2025-12-31', ...Array.from({ length: 11 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}`)];
    expect(days.map(kindOf)).toEqual(days.map(() => DAY_OFF));
    expect(kindOf('2026-01-12')).toBe(FULL_DAY);
  });

  it('reports every kind of bad data', () => {
    const bad: ProductionCalendarYear = {
      ...CALENDAR_2025,
      holidays: CALENDAR_2025.holidays.filter((d) => d !== '2025-06-12').concat('2024-12-31', '2025-02-30'),
      transferredWorkdays: ['2025-11-05', '2025-05-03', '2025-05-03', '2025-01-04'],
      shortDays: ['2025-06-13'],
    };
    const issues = calendarYearIssues(bad).join('\n');
    expect(issues).toContain('public holiday 2025-06-12 is missing');
    expect(issues).toContain('2024-12-31 is outside 2025');
    expect(issues).toContain('2025-02-30 is not a YYYY-MM-DD date');
    expect(issues).toContain('2025-11-05 is not a Saturday or Sunday');
    expect(issues).toContain('2025-05-03 is listed twice');
    expect(issues).toContain('2025-01-04 is also a holiday');
    expect(issues).toContain('shortDays: 2025-06-13 is not a working day');
  });
});

describe('working calendar lookups', () => {
  it('refuses invalid or repeated years', () => {
    expect(() => buildWorkingCalendar([])).toThrow(RangeError);
    expect(() => buildWorkingCalendar([CALENDAR_2025, CALENDAR_2025])).toThrow(/twice/);
    expect(() => buildWorkingCalendar([{ ...CALENDAR_2025, shortDays: ['2025-01-01'] }])).toThrow(/not a working day/);
  });

  it('falls back to the five-day week outside the loaded years', () => {
    expect(kindOf('2024-12-30')).toBe(FULL_DAY); // in reality a transferred day off: not loaded
    expect(kindOf('2028-01-01')).toBe(DAY_OFF); // a Saturday
    expect(kindOf('2028-01-03')).toBe(FULL_DAY);
    expect(coversDay(cal, dayNumberOf('2027-12-31'))).toBe(true);
    expect(coversDay(cal, dayNumberOf('2028-01-03'))).toBe(false);
  });

  it('fills a year missing between loaded years with the five-day week', () => {
    const gap = buildWorkingCalendar([CALENDAR_2025, CALENDAR_2027]);
    expect(dayKind(gap, dayNumberOf('2026-01-05'))).toBe(FULL_DAY);
    expect(coversDay(gap, dayNumberOf('2026-01-05'))).toBe(false);
  });

  it('counts working days before any day consistently with the day kinds', () => {
    const from = dayNumberOf('2024-06-01');
    const to = dayNumberOf('2028-06-01');
    for (let d = from; d < to; d++) {
      const kind = dayKind(cal, d);
      expect(fullDaysBefore(cal, d + 1) - fullDaysBefore(cal, d), isoDateOf(d)).toBe(kind === FULL_DAY ? 1 : 0);
      expect(shortDaysBefore(cal, d + 1) - shortDaysBefore(cal, d), isoDateOf(d)).toBe(kind === SHORT_DAY ? 1 : 0);
    }
  });
});
