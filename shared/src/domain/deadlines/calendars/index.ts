import type { ProductionCalendarYear } from '../calendar-year.js';
import { CALENDAR_2025 } from './2025.js';
import { CALENDAR_2026 } from './2026.js';
import { CALENDAR_2027 } from './2027.js';

export { CALENDAR_2025, CALENDAR_2026, CALENDAR_2027 };

/** The bundled Russian production calendars; administrators may replace or extend them. */
export const RUSSIAN_CALENDARS: readonly ProductionCalendarYear[] = [CALENDAR_2025, CALENDAR_2026, CALENDAR_2027];
