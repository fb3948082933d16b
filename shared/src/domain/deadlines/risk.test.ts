import { describe, expect, it } from 'vitest';
import { RUSSIAN_CALENDARS } from './calendars/index.js';
import { makeCentre } from './centre.js';
import type { Deadline } from './deadlines.js';
import { clockNow, riskState, riskTrack, usedFraction } from './risk.js';
import { buildWorkingCalendar } from './working-calendar.js';

const cal = buildWorkingCalendar(RUSSIAN_CALENDARS);
const centre = makeCentre({ timeZone: 'Europe/Moscow' });
const at = (local: string) => new Date(`${local}:00+03:00`);
const stateAt = (d: Deadline, now: Date, threshold?: number) =>
  riskState(clockNow(now, cal, centre), riskTrack(d, cal, centre, threshold));
const fractionAt = (d: Deadline, now: Date) => usedFraction(clockNow(now, cal, centre), riskTrack(d, cal, centre));

describe('risk state (RULES.md, Escalation: at risk from 75% of the time used)', () => {
  const appeal: Deadline = { start: at('2025-03-10T10:00'), due: at('2025-03-20T10:00'), clock: 'calendar_days' };

  it('measures calendar clocks in wall time', () => {
    expect(fractionAt(appeal, appeal.start)).toBe(0);
    expect(fractionAt(appeal, at('2025-03-15T10:00'))).toBe(0.5);
    expect(stateAt(appeal, at('2025-03-17T21:59'))).toBe('on_time');
    expect(stateAt(appeal, at('2025-03-17T22:00'))).toBe('at_risk'); // exactly 75% of 10 days
    expect(stateAt(appeal, appeal.due)).toBe('at_risk');
    expect(stateAt(appeal, new Date(appeal.due.getTime() + 1))).toBe('overdue');
  });

  it('honours a policy threshold', () => {
    expect(stateAt(appeal, at('2025-03-15T10:00'), 0.5)).toBe('at_risk');
    expect(stateAt(appeal, at('2025-03-15T09:59'), 0.5)).toBe('on_time');
  });

  const incident: Deadline = { start: at('2025-10-24T17:55'), due: at('2025-10-27T17:55'), clock: 'working_hours' };

  it('measures working clocks in working time, so a weekend uses none', () => {
    expect(fractionAt(incident, at('2025-10-25T12:00'))).toBeCloseTo(5 / 540);
    expect(stateAt(incident, at('2025-10-26T23:00'))).toBe('on_time');
    expect(stateAt(incident, at('2025-10-27T15:39'))).toBe('on_time');
    expect(stateAt(incident, at('2025-10-27T15:40'))).toBe('at_risk'); // 6 h 45 min of 9 h
    expect(stateAt(incident, at('2025-10-27T17:56'))).toBe('overdue');
  });

  it('counts a deadline at Friday closing as overdue on Saturday, though no working time passed', () => {
    const message: Deadline = { start: at('2025-10-20T10:00'), due: at('2025-10-24T18:00'), clock: 'working_days' };
    expect(fractionAt(message, at('2025-10-25T10:00'))).toBe(1);
    expect(stateAt(message, at('2025-10-25T10:00'))).toBe('overdue');
  });

  it('treats an empty period as used up at its due time', () => {
    const empty: Deadline = { start: at('2025-10-27T10:00'), due: at('2025-10-27T10:00'), clock: 'calendar_days' };
    expect(stateAt(empty, at('2025-10-27T09:00'))).toBe('on_time');
    expect(stateAt(empty, at('2025-10-27T10:00'))).toBe('at_risk');
  });
});
