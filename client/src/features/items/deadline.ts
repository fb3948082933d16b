import { RISK_STATES, type ItemDto, type RiskState } from '@okno/shared';

type Tracked = Pick<ItemDto, 'status' | 'deadlines'>;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Answered and closed items are no longer tracked: their deadline is history, not a risk. */
function isTracked(item: Tracked): item is Tracked & { deadlines: NonNullable<ItemDto['deadlines']> } {
  return item.deadlines !== null && item.status !== 'answered' && item.status !== 'closed';
}

/**
 * Where an open item stands at `nowMs` (server time): overdue after `dueAt`, at risk from
 * `atRiskAt` (the server computed that instant on the deadline's own working clock), else on
 * time. The state the scheduler marked is a floor: it only moves forward on a clock, and a
 * client clock a little behind the server's must not show an item back "on time".
 * Null when the item has no tracked deadline.
 */
export function liveRisk(item: Tracked, nowMs: number): RiskState | null {
  if (!isTracked(item)) return null;
  const d = item.deadlines;
  const live: RiskState = nowMs > Date.parse(d.dueAt) ? 'overdue' : nowMs >= Date.parse(d.atRiskAt) ? 'at_risk' : 'on_time';
  return RISK_STATES.indexOf(d.riskState) > RISK_STATES.indexOf(live) ? d.riskState : live;
}

/** Milliseconds until the tracked deadline (negative once overdue), or null when untracked. */
export function timeLeftMs(item: Tracked, nowMs: number): number | null {
  return isTracked(item) ? Date.parse(item.deadlines.dueAt) - nowMs : null;
}

/** The due instant as a sort key: sooner first; untracked items have none (sorted last). */
export function dueSortKey(item: Tracked): number | undefined {
  return isTracked(item) ? Date.parse(item.deadlines.dueAt) : undefined;
}

/** Unit words for formatDuration, per locale. */
export interface DurationUnits {
  day: string;
  hour: string;
  minute: string;
  /** Shown for less than a minute. */
  underMinute: string;
}

/**
 * A length of time, rounded down to what a glance needs: "2 д 5 ч", "5 ч 7 мин", "12 мин",
 * "< 1 мин". The sign is dropped; the caller says "left" or "overdue by".
 */
export function formatDuration(ms: number, u: DurationUnits): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE_MS) return u.underMinute;
  const days = Math.floor(abs / DAY_MS);
  const hours = Math.floor((abs % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((abs % HOUR_MS) / MINUTE_MS);
  if (days > 0) return hours > 0 ? `${days} ${u.day} ${hours} ${u.hour}` : `${days} ${u.day}`;
  if (hours > 0) return minutes > 0 ? `${hours} ${u.hour} ${minutes} ${u.minute}` : `${hours} ${u.hour}`;
  return `${minutes} ${u.minute}`;
}
