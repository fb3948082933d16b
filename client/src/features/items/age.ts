import type { T } from '../../i18n/i18n';

/** Whole minutes from an ISO instant to `nowMs` (server time), never negative. */
export function minutesSince(iso: string, nowMs: number): number {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return 0;
  return Math.max(0, Math.floor((nowMs - then) / 60_000));
}

/** "5 мин назад", "3 ч назад", "2 дня назад" measured on the server's clock. */
export function ageLabel(t: T, iso: string, nowMs: number): string {
  const minutes = minutesSince(iso, nowMs);
  if (minutes < 1) return t('time.justNow');
  if (minutes < 60) return t('time.minutesAgo', minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('time.hoursAgo', hours);
  return t('time.daysAgo', Math.floor(hours / 24));
}
