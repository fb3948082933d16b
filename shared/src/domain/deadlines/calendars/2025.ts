import type { ProductionCalendarYear } from '../calendar-year.js';

/**
 * 2025: Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году».
 * Transfers: Sat 4 Jan → Fri 2 May; Sun 5 Jan → Wed 31 Dec; Sun 23 Feb → Thu 8 May;
 * Sat 8 Mar → Fri 13 Jun; Sat 1 Nov (working) → Mon 3 Nov.
 * Totals: 247 working days, 118 days off, 1972 hours for a 40-hour week.
 */
export const CALENDAR_2025: ProductionCalendarYear = {
  year: 2025,
  source: 'Постановление Правительства РФ от 04.10.2024 № 1335',
  status: 'official',
  holidays: [
    '2025-01-01', '2025-01-02', '2025-01-03', '2025-01-04',
    '2025-01-05', '2025-01-06', '2025-01-07', '2025-01-08',
    '2025-02-23', // Sunday; moved to 8 May
    '2025-03-08', // Saturday; moved to 13 June
    '2025-05-01',
    '2025-05-02', // transfer from Sat 4 Jan
    '2025-05-08', // transfer from Sun 23 Feb
    '2025-05-09',
    '2025-06-12',
    '2025-06-13', // transfer from Sat 8 Mar
    '2025-11-03', // transfer from Sat 1 Nov
    '2025-11-04',
    '2025-12-31', // transfer from Sun 5 Jan
  ],
  transferredWorkdays: ['2025-11-01'],
  shortDays: ['2025-03-07', '2025-04-30', '2025-06-11', '2025-11-01'],
};
