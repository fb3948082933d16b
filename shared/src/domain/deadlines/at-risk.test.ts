import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITEM_KINDS } from '../enums.js';
import { atRiskInstant } from './at-risk.js';
import { RUSSIAN_CALENDARS } from './calendars/index.js';
import { makeCentre } from './centre.js';
import { deadlinesFor, type Deadline } from './deadlines.js';
import { DEFAULT_POLICIES } from './policies.js';
import { clockNow, riskState, riskTrack } from './risk.js';
import { buildWorkingCalendar } from './working-calendar.js';

const cal = buildWorkingCalendar(RUSSIAN_CALENDARS);
const centre = makeCentre({ timeZone: 'Europe/Moscow', lunchBreak: { start: '13:00', end: '14:00' } });
const at = (local: string) => new Date(`${local}:00+03:00`);
const stateAt = (d: Deadline, now: Date, threshold: number) => riskState(clockNow(now, cal, centre), riskTrack(d, cal, centre, threshold));

describe('the at-risk instant (RULES.md, Escalation: at risk from 75% of the time used)', () => {
  it('is 75% of a calendar-day period in wall time', () => {
    const appeal: Deadline = { start: at('2025-03-10T10:00'), due: at('2025-03-20T10:00'), clock: 'calendar_days' };
    expect(atRiskInstant(appeal, cal, centre)).toEqual(at('2025-03-17T22:00'));
  });

  it('counts only working time on working clocks: 9 working hours from Friday 16:00', () => {
    // Fri 2 hours (16–18), Mon 09–13 and 14–17 (7 hours): due Monday 17:00; 75% = 6.75 h → Mon 13:45 + lunch = 14:45.
    const incident: Deadline = { start: at('2025-03-14T16:00'), due: at('2025-03-17T17:00'), clock: 'working_hours' };
    expect(atRiskInstant(incident, cal, centre)).toEqual(at('2025-03-17T14:45'));
  });

  it('is where riskState turns at_risk, never a millisecond earlier or later', () => {
    const moments = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-11-30T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(
        fc.constantFrom(...ITEM_KINDS),
        fc.boolean(),
        moments,
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (kind, high, receivedAt, threshold) => {
          const d = deadlinesFor({ kind, channel: 'pos', receivedAt, importance: high ? 'high' : 'normal' }, DEFAULT_POLICIES, cal, centre);
          const instant = atRiskInstant(d.answer, cal, centre, threshold);
          expect(instant.getTime()).toBeGreaterThanOrEqual(d.answer.start.getTime());
          expect(instant.getTime()).toBeLessThanOrEqual(d.answer.due.getTime());
          expect(stateAt(d.answer, instant, threshold)).toBe('at_risk');
          if (instant.getTime() > d.answer.start.getTime()) {
            expect(stateAt(d.answer, new Date(instant.getTime() - 1), threshold)).toBe('on_time');
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
