import type { Centre } from './centre.js';
import { workingPosition } from './clocks.js';
import type { Deadline } from './deadlines.js';
import { DEFAULT_AT_RISK_THRESHOLD } from './policies.js';
import type { WorkingCalendar } from './working-calendar.js';

/** Where an open item stands against its deadline. */
export const RISK_STATES = [
  'on_time', // в срок
  'at_risk', // под угрозой
  'overdue', // просрочено
] as const;
export type RiskState = (typeof RISK_STATES)[number];

/**
 * A deadline reduced to numbers, computed once per item and kept with it, so that recomputing
 * the risk of a million items costs a few arithmetic operations each and allocates nothing.
 * Positions are epoch ms for calendar-day clocks and working ms (workingPosition) otherwise.
 */
export interface RiskTrack {
  readonly working: boolean;
  readonly startPos: number;
  readonly duePos: number;
  readonly dueMs: number;
  readonly threshold: number;
}

/** The present on both scales, computed once per tick and centre. */
export interface ClockNow {
  readonly ms: number;
  readonly workingPos: number;
}

/** The risk track of one deadline. */
export function riskTrack(
  d: Deadline,
  cal: WorkingCalendar,
  centre: Centre,
  threshold: number = DEFAULT_AT_RISK_THRESHOLD,
): RiskTrack {
  const working = d.clock !== 'calendar_days';
  const pos = (t: Date) => (working ? workingPosition(t.getTime(), cal, centre) : t.getTime());
  return { working, startPos: pos(d.start), duePos: pos(d.due), dueMs: d.due.getTime(), threshold };
}

/** The present as a ClockNow for one centre. */
export function clockNow(at: Date, cal: WorkingCalendar, centre: Centre): ClockNow {
  const ms = at.getTime();
  return { ms, workingPos: workingPosition(ms, cal, centre) };
}

/** Share of the allowed time used on the deadline's own clock: 0 at the start, 1 at the due time. */
export function usedFraction(now: ClockNow, track: RiskTrack): number {
  const pos = track.working ? now.workingPos : now.ms;
  const span = track.duePos - track.startPos;
  if (span <= 0) return pos >= track.duePos ? 1 : 0;
  return (pos - track.startPos) / span;
}

/**
 * On time, at risk (the used share reached the threshold) or overdue. Overdue is judged by wall
 * time, so a deadline at Friday 18:00 is overdue on Saturday although no working time passed.
 */
export function riskState(now: ClockNow, track: RiskTrack): RiskState {
  if (now.ms > track.dueMs) return 'overdue';
  return usedFraction(now, track) >= track.threshold ? 'at_risk' : 'on_time';
}
