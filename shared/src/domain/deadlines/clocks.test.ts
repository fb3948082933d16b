import { describe, expect, it } from 'vitest';
import { RUSSIAN_CALENDARS } from './calendars/index.js';
import { centreSettingsIssues, makeCentre, RUSSIAN_TIME_ZONES } from './centre.js';
import { addCalendarDays, addWorkingDays, addWorkingHours, HOUR_MS, workingPosition } from './clocks.js';
import { buildWorkingCalendar } from './working-calendar.js';

const cal = buildWorkingCalendar(RUSSIAN_CALENDARS);
const kostroma = makeCentre({ timeZone: 'Europe/Moscow' });
const omsk = makeCentre({ timeZone: 'Asia/Omsk' });
const withLunch = makeCentre({ timeZone: 180, lunchBreak: { start: '13:00', end: '14:00' } });
/** A local wall-clock time 'YYYY-MM-DDTHH:MM' at a UTC offset in hours. */
const at = (local: string, offsetHours = 3) => new Date(`${local}:00+0${offsetHours}:00`);

describe('centre settings', () => {
  it('resolves Russian zones to fixed offsets and accepts minutes', () => {
    expect(kostroma.offsetMs).toBe(3 * HOUR_MS);
    expect(omsk.offsetMs).toBe(6 * HOUR_MS);
    expect(makeCentre({ timeZone: 420 }).offsetMs).toBe(7 * HOUR_MS);
    expect(RUSSIAN_TIME_ZONES['Europe/Kaliningrad']).toBe(120);
    expect(RUSSIAN_TIME_ZONES['Asia/Kamchatka']).toBe(720);
  });

  it('defaults to 09:00–18:00 and a pre-holiday day one hour shorter', () => {
    expect(kostroma.fullDayMs).toBe(9 * HOUR_MS);
    expect(kostroma.shortDayMs).toBe(8 * HOUR_MS);
    expect(withLunch.fullDayMs).toBe(8 * HOUR_MS);
    expect(withLunch.shortDayMs).toBe(7 * HOUR_MS);
  });

  it('refuses impossible settings', () => {
    expect(centreSettingsIssues({ timeZone: 'Mars/Olympus' as 'Europe/Moscow' })).toHaveLength(1);
    expect(centreSettingsIssues({ timeZone: 180, workdayStart: '18:00', workdayEnd: '09:00' })).toHaveLength(2);
    expect(centreSettingsIssues({ timeZone: 180, workdayStart: '9:00' })).toEqual(['working hours must be HH:MM']);
    expect(centreSettingsIssues({ timeZone: 180, lunchBreak: { start: '17:30', end: '18:00' } })).toHaveLength(1);
    expect(() => makeCentre({ timeZone: 180, shortDayCutMinutes: -5 })).toThrow(RangeError);
  });
});

describe('working hours (incident: first answer in 9 working hours, 4 for high importance)', () => {
  it.each([
    ['an incident at Friday 17:55 is due on Monday afternoon', '2025-10-24T17:55', 9, '2025-10-27T17:55'],
    ['high importance at Friday 17:55 is due on Monday at 12:55', '2025-10-24T17:55', 4, '2025-10-27T12:55'],
    ['Friday 17:55 before the working Saturday 1 Nov 2025 runs over Sat and the 2–4 Nov days off', '2025-10-31T17:55', 9, '2025-11-05T09:55'],
    ['a shortened Friday (7 Mar 2025) closes at 17:00', '2025-03-07T13:00', 9, '2025-03-10T14:00'],
    ['the ordinary Friday a week later closes at 18:00', '2025-03-14T13:00', 9, '2025-03-17T13:00'],
    ['an arrival at night starts at the next opening', '2025-10-27T02:00', 9, '2025-10-27T18:00'],
    ['an arrival at closing time starts the next morning', '2025-10-27T18:00', 9, '2025-10-28T18:00'],
    ['an arrival on Saturday starts on Monday morning', '2025-10-25T11:00', 4, '2025-10-27T13:00'],
    ['the New Year holidays 2026 stop the clock from 31 Dec to 11 Jan', '2025-12-30T17:00', 9, '2026-01-12T17:00'],
    ['zero hours is due at arrival', '2025-10-25T11:00', 0, '2025-10-25T11:00'],
  ])('%s', (_name, arrival, hours, due) => {
    expect(addWorkingHours(at(arrival), hours, cal, kostroma)).toEqual(at(due));
  });

  it('skips the lunch break', () => {
    expect(addWorkingHours(at('2025-10-27T12:00'), 2, cal, withLunch)).toEqual(at('2025-10-27T15:00'));
    expect(addWorkingHours(at('2025-10-27T13:20'), 1, cal, withLunch)).toEqual(at('2025-10-27T15:00'));
  });

  it('gives the same local deadline in Omsk and Kostroma, hence different UTC instants', () => {
    const inOmsk = addWorkingHours(at('2025-10-27T10:00', 6), 9, cal, omsk);
    const inKostroma = addWorkingHours(at('2025-10-27T10:00', 3), 9, cal, kostroma);
    expect(inOmsk).toEqual(at('2025-10-28T10:00', 6));
    expect(inKostroma).toEqual(at('2025-10-28T10:00', 3));
    expect(inKostroma.getTime() - inOmsk.getTime()).toBe(3 * HOUR_MS);
  });

  it('counts one UTC instant in each centre’s own working hours', () => {
    const arrival = new Date('2025-10-27T12:30:00Z'); // 15:30 in Kostroma, 18:30 (closed) in Omsk
    expect(addWorkingHours(arrival, 9, cal, kostroma)).toEqual(new Date('2025-10-28T12:30:00Z'));
    expect(addWorkingHours(arrival, 9, cal, omsk)).toEqual(new Date('2025-10-28T12:00:00Z'));
  });

  it('measures working time between instants as a difference of positions', () => {
    const pos = (s: string) => workingPosition(at(s).getTime(), cal, kostroma);
    expect(pos('2025-10-27T17:55') - pos('2025-10-24T17:55')).toBe(9 * HOUR_MS);
    expect(pos('2025-11-05T09:00') - pos('2025-10-31T18:00')).toBe(8 * HOUR_MS); // only the short Saturday
  });

  it('refuses negative or non-finite hours', () => {
    expect(() => addWorkingHours(at('2025-10-27T10:00'), -1, cal, kostroma)).toThrow(RangeError);
    expect(() => addWorkingHours(at('2025-10-27T10:00'), Number.NaN, cal, kostroma)).toThrow(RangeError);
  });
});

describe('working days (ПОС message: 10 working days; final answer 7 working days after an interim one)', () => {
  it.each([
    ['10 working days across the New Year holidays', '2025-12-29T10:00', 10, '2026-01-22T18:00'],
    ['the working Saturday 1 Nov 2025 counts, closing at 17:00 as a shortened day', '2025-10-31T10:00', 1, '2025-11-01T17:00'],
    ['10 working days from the eve of the working Saturday', '2025-10-31T10:00', 10, '2025-11-17T18:00'],
    ['7 working days after an interim answer on 10 Jun 2025 skip 12–13 June', '2025-06-10T15:00', 7, '2025-06-23T18:00'],
    ['an arrival on Sunday counts from Monday', '2025-10-26T12:00', 1, '2025-10-27T18:00'],
    ['an arrival after closing still counts from the next day', '2025-10-27T20:00', 1, '2025-10-28T18:00'],
    ['zero days is the close of the next working day reached', '2025-10-25T12:00', 0, '2025-10-27T18:00'],
  ])('%s', (_name, arrival, days, due) => {
    expect(addWorkingDays(at(arrival), days, cal, kostroma)).toEqual(at(due));
  });

  it('uses the centre’s local date, not the UTC date', () => {
    // 01:00 on Tuesday in Omsk is still Monday in UTC.
    expect(addWorkingDays(at('2025-10-28T01:00', 6), 1, cal, omsk)).toEqual(at('2025-10-29T18:00', 6));
  });
});

describe('calendar days (59-ФЗ appeal: 30 days from registration)', () => {
  it.each([
    ['30 days from 10 Mar 2025 end on 9 Apr at closing', '2025-03-10T10:00', 30, 'previous_working_day', '2025-04-09T18:00'],
    ['a last day on Sunday 2 Mar 2025 moves back to Friday', '2025-01-31T10:00', 30, 'previous_working_day', '2025-02-28T18:00'],
    ['a last day in the New Year holidays moves back to 30 Dec 2025', '2025-12-05T10:00', 30, 'previous_working_day', '2025-12-30T18:00'],
    ['…or forward to 12 Jan 2026 under the next-working-day rule', '2025-12-05T10:00', 30, 'next_working_day', '2026-01-12T18:00'],
    ['a last day that is shortened closes at 17:00', '2025-03-31T10:00', 30, 'previous_working_day', '2025-04-30T17:00'],
    ['never moves back onto the starting day (appeal on 30 Dec 2025)', '2025-12-30T10:00', 3, 'previous_working_day', '2026-01-12T18:00'],
    ['60 days (extended) ending on Victory Day move back over 8 May', '2025-03-10T10:00', 60, 'previous_working_day', '2025-05-07T18:00'],
  ] as const)('%s', (_name, start, days, rule, due) => {
    expect(addCalendarDays(at(start), days, cal, kostroma, rule)).toEqual(at(due));
  });
});
