import type { ProductionCalendarYear } from '../calendar-year.js';

/**
 * 2026: Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году».
 * Transfers: Sat 3 Jan → Fri 9 Jan; Sun 4 Jan → Thu 31 Dec. By the Labour Code art. 112 itself:
 * Sun 8 Mar → Mon 9 Mar; Sat 9 May → Mon 11 May. No working Saturdays.
 * Totals: 247 working days, 118 days off, 1972 hours for a 40-hour week.
 */
export const CALENDAR_2026: ProductionCalendarYear = {
  year: 2026,
  source: 'Постановление Правительства РФ от 24.09.2025 № 1466',
  status: 'official',
  holidays: [
    '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04',
    '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08',
    '2026-01-09', // transfer from Sat 3 Jan
    '2026-02-23',
    '2026-03-08', // Sunday
    '2026-03-09', // art. 112: the Sunday holiday moves to Monday
    '2026-05-01',
    '2026-05-09', // Saturday
    '2026-05-11', // art. 112: the Saturday holiday moves to Monday
    '2026-06-12',
    '2026-11-04',
    '2026-12-31', // transfer from Sun 4 Jan
  ],
  transferredWorkdays: [],
  shortDays: ['2026-04-30', '2026-05-08', '2026-06-11', '2026-11-03'],
};
