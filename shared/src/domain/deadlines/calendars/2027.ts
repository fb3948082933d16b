import type { ProductionCalendarYear } from '../calendar-year.js';

/**
 * 2027 — PROJECTED, VERIFY AGAINST THE DECREE before relying on it.
 * No signed decree was available when this file was written. Derived from the Labour Code
 * art. 112 (a holiday on a weekend moves to the next working day: 1 May → Mon 3 May,
 * 9 May → Mon 10 May, 12 Jun → Mon 14 Jun) plus the choices the Government made in 2021, a year
 * with the same weekdays: Sat 2 Jan → Fri 5 Nov, Sun 3 Jan → Fri 31 Dec, Sat 20 Feb worked
 * (shortened) for Mon 22 Feb. A public draft calendar (xmlcalendar.ru, 2026-09-02) agrees.
 * Totals if it holds: 247 working days, 118 days off, 1972 hours for a 40-hour week.
 */
export const CALENDAR_2027: ProductionCalendarYear = {
  year: 2027,
  source: 'Projected from the Labour Code art. 112 and the 2021 pattern; not yet checked against a decree',
  status: 'projected',
  holidays: [
    '2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04',
    '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08',
    '2027-02-22', // transfer from Sat 20 Feb
    '2027-02-23',
    '2027-03-08',
    '2027-05-01', // Saturday
    '2027-05-03', // art. 112
    '2027-05-09', // Sunday
    '2027-05-10', // art. 112
    '2027-06-12', // Saturday
    '2027-06-14', // art. 112
    '2027-11-04',
    '2027-11-05', // transfer from Sat 2 Jan
    '2027-12-31', // transfer from Sun 3 Jan
  ],
  transferredWorkdays: ['2027-02-20'],
  shortDays: ['2027-02-20', '2027-04-30', '2027-06-11', '2027-11-03'],
};
