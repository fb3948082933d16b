import type { Centre } from './centre.js';
import { addWorkingHours, HOUR_MS } from './clocks.js';
import type { Deadline } from './deadlines.js';
import { DEFAULT_AT_RISK_THRESHOLD } from './policies.js';
import { clockNow, riskTrack, usedFraction } from './risk.js';
import type { WorkingCalendar } from './working-calendar.js';

/**
 * The earliest instant at which `threshold` of a deadline's time is used on its own clock, so
 * that riskState turns 'at_risk' there and not one millisecond earlier. A scheduler can then
 * find the items that just became at risk with an index range scan on this wall instant.
 */
export function atRiskInstant(
  d: Deadline,
  cal: WorkingCalendar,
  centre: Centre,
  threshold: number = DEFAULT_AT_RISK_THRESHOLD,
): Date {
  const track = riskTrack(d, cal, centre, threshold);
  const span = track.duePos - track.startPos;
  if (span <= 0) return new Date(d.due.getTime());
  const reached = (at: Date) => usedFraction(clockNow(at, cal, centre), track) >= threshold;
  const instant = (extraMs: number): Date =>
    track.working
      ? addWorkingHours(d.start, (threshold * span + extraMs) / HOUR_MS, cal, centre)
      : new Date(track.startPos + Math.ceil(threshold * span) + extraMs);
  // Floating point may land a hair short of the threshold: step forward by whole milliseconds.
  for (let extra = 0; extra < 8; extra++) {
    const at = instant(extra);
    if (reached(at)) return at.getTime() > track.dueMs ? new Date(track.dueMs) : at;
  }
  return new Date(track.dueMs);
}

