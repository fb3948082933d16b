import type { ItemDeadlinesDto } from '@okno/shared';
import { describe, expect, it } from 'vitest';
import { dueSortKey, formatDuration, liveRisk, timeLeftMs, type DurationUnits } from './deadline';
import { makeItem } from './testing';

const deadlines: ItemDeadlinesDto = {
  policyId: 'incident',
  clock: 'working_hours',
  threshold: 0.75,
  startedAt: '2026-12-01T06:00:00.000Z',
  atRiskAt: '2026-12-01T12:45:00.000Z',
  dueAt: '2026-12-01T15:00:00.000Z',
  riskState: 'on_time',
  answerDue: '2026-12-01T15:00:00.000Z',
  registerDue: null,
  redirectDue: null,
  finalDue: null,
  extendedDays: 0,
  extensionAvailableDays: null,
  interimAnsweredAt: null,
  reopenedAt: null,
};
const at = (iso: string) => Date.parse(iso);
const RU: DurationUnits = { day: 'д', hour: 'ч', minute: 'мин', underMinute: '< 1 мин' };

describe('live deadline state on the server clock', () => {
  const item = makeItem({ status: 'in_work', deadlines });

  it('is on time before atRiskAt, at risk from it, overdue only after dueAt', () => {
    expect(liveRisk(item, at('2026-12-01T12:44:59.999Z'))).toBe('on_time');
    expect(liveRisk(item, at('2026-12-01T12:45:00.000Z'))).toBe('at_risk');
    expect(liveRisk(item, at('2026-12-01T15:00:00.000Z'))).toBe('at_risk');
    expect(liveRisk(item, at('2026-12-01T15:00:00.001Z'))).toBe('overdue');
  });

  it('never shows less than the state the scheduler marked', () => {
    const marked = makeItem({ status: 'in_work', deadlines: { ...deadlines, riskState: 'overdue' } });
    expect(liveRisk(marked, at('2026-12-01T14:59:00.000Z'))).toBe('overdue');
  });

  it('has no state or time left for answered, closed or deadline-less items', () => {
    expect(liveRisk(makeItem({ status: 'answered', deadlines }), at('2026-12-02T00:00:00Z'))).toBeNull();
    expect(liveRisk(makeItem({ status: 'closed', deadlines }), at('2026-12-02T00:00:00Z'))).toBeNull();
    expect(liveRisk(makeItem({ deadlines: null }), 0)).toBeNull();
    expect(timeLeftMs(makeItem({ status: 'closed', deadlines }), 0)).toBeNull();
    expect(dueSortKey(makeItem({ deadlines: null }))).toBeUndefined();
  });

  it('counts time left to dueAt, negative once overdue', () => {
    expect(timeLeftMs(item, at('2026-12-01T14:00:00.000Z'))).toBe(3_600_000);
    expect(timeLeftMs(item, at('2026-12-01T16:30:00.000Z'))).toBe(-5_400_000);
    expect(dueSortKey(item)).toBe(at(deadlines.dueAt));
  });
});

describe('time left formatting', () => {
  const min = 60_000;
  it('rounds down to days and hours, hours and minutes, or minutes', () => {
    expect(formatDuration(2 * 1440 * min + 5 * 60 * min + 59 * min, RU)).toBe('2 д 5 ч');
    expect(formatDuration(3 * 1440 * min, RU)).toBe('3 д');
    expect(formatDuration(5 * 60 * min + 7 * min + 30_000, RU)).toBe('5 ч 7 мин');
    expect(formatDuration(2 * 60 * min, RU)).toBe('2 ч');
    expect(formatDuration(12 * min + 59_000, RU)).toBe('12 мин');
  });

  it('says "under a minute" near zero and drops the sign of overdue time', () => {
    expect(formatDuration(59_999, RU)).toBe('< 1 мин');
    expect(formatDuration(0, RU)).toBe('< 1 мин');
    expect(formatDuration(-90 * min, RU)).toBe('1 ч 30 мин');
    expect(formatDuration(-30_000, { day: 'd', hour: 'h', minute: 'min', underMinute: '< 1 min' })).toBe('< 1 min');
  });
});
