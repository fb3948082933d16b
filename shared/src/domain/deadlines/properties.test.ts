import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RUSSIAN_CALENDARS } from './calendars/index.js';
import { makeCentre, RUSSIAN_TIME_ZONES, type CentreSettings } from './centre.js';
import { addCalendarDays, addWorkingDays, addWorkingHours, HOUR_MS, workingPosition, type NonWorkingEnd } from './clocks.js';
import { deadlinesFor, type DeadlineItem } from './deadlines.js';
import { DEFAULT_POLICIES } from './policies.js';
import { clockNow, RISK_STATES, riskState, riskTrack, usedFraction } from './risk.js';
import { buildWorkingCalendar } from './working-calendar.js';

// ---- an independent, deliberately slow reference: date strings, Sets, one minute or day at a time ----

const MINUTE = 60_000;
const DAY = 86_400_000;
const holidays = new Set(RUSSIAN_CALENDARS.flatMap((c) => c.holidays));
const workingWeekends = new Set(RUSSIAN_CALENDARS.flatMap((c) => c.transferredWorkdays));
const shortened = new Set(RUSSIAN_CALENDARS.flatMap((c) => c.shortDays));

interface RefCentre { offset: number; start: number; end: number; lunch: [number, number] | null; cut: number }

function refDateWorks(localMidnight: number): boolean {
  const date = new Date(localMidnight).toISOString().slice(0, 10);
  if (workingWeekends.has(date)) return true;
  if (holidays.has(date)) return false;
  const weekday = new Date(localMidnight).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

function refClosing(localMidnight: number, c: RefCentre): number {
  const date = new Date(localMidnight).toISOString().slice(0, 10);
  return c.end - (shortened.has(date) ? c.cut : 0);
}

function refMinuteWorks(t: number, c: RefCentre): boolean {
  const local = t + c.offset * MINUTE;
  const midnight = local - (((local % DAY) + DAY) % DAY);
  const minute = (local - midnight) / MINUTE;
  if (!refDateWorks(midnight) || minute < c.start || minute >= refClosing(midnight, c)) return false;
  return !(c.lunch && minute >= c.lunch[0] && minute < c.lunch[1]);
}

function refAddWorkingMinutes(start: number, minutes: number, c: RefCentre): number {
  let t = start;
  for (let left = minutes; left > 0; t += MINUTE) if (refMinuteWorks(t, c)) left--;
  return t;
}

function refWorkingMinutesBetween(a: number, b: number, c: RefCentre): number {
  let n = 0;
  for (let t = a; t < b; t += MINUTE) if (refMinuteWorks(t, c)) n++;
  return n;
}

function refLocalMidnight(t: number, c: RefCentre): number {
  const local = t + c.offset * MINUTE;
  return local - (((local % DAY) + DAY) % DAY);
}

const refDue = (midnight: number, c: RefCentre) => midnight + (refClosing(midnight, c) - c.offset) * MINUTE;

function refAddWorkingDays(start: number, n: number, c: RefCentre): number {
  let day = refLocalMidnight(start, c);
  if (n === 0) while (!refDateWorks(day)) day += DAY;
  for (let counted = 0; counted < n; ) {
    day += DAY;
    if (refDateWorks(day)) counted++;
  }
  return refDue(day, c);
}

function refAddCalendarDays(start: number, n: number, c: RefCentre, rule: NonWorkingEnd): number {
  const first = refLocalMidnight(start, c);
  let day = first + n * DAY;
  if (!refDateWorks(day) && rule === 'previous_working_day') {
    for (let back = day - DAY; back > first; back -= DAY) {
      if (refDateWorks(back)) { day = back; break; }
    }
  }
  while (!refDateWorks(day)) day += DAY;
  return refDue(day, c);
}

// ---- generators ----

const cal = buildWorkingCalendar(RUSSIAN_CALENDARS);
const FROM = Date.UTC(2024, 11, 1);
const TO = Date.UTC(2027, 11, 15);
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const centreArb = fc.record({
  offset: fc.constantFrom(...new Set(Object.values(RUSSIAN_TIME_ZONES))),
  start: fc.integer({ min: 28, max: 40 }).map((q) => q * 15), // 07:00–10:00
  end: fc.integer({ min: 64, max: 80 }).map((q) => q * 15), // 16:00–20:00
  lunch: fc.option(fc.tuple(fc.integer({ min: 48, max: 52 }).map((q) => q * 15), fc.constantFrom(30, 45, 60)).map(([s, len]): [number, number] => [s, s + len]), { nil: null }),
  cut: fc.constantFrom(0, 30, 60),
});
const toCentre = (c: RefCentre) => {
  const settings: CentreSettings = {
    timeZone: c.offset, workdayStart: hhmm(c.start), workdayEnd: hhmm(c.end), shortDayCutMinutes: c.cut,
    ...(c.lunch ? { lunchBreak: { start: hhmm(c.lunch[0]), end: hhmm(c.lunch[1]) } } : {}),
  };
  return makeCentre(settings);
};
const minuteArb = fc.integer({ min: FROM / MINUTE, max: TO / MINUTE }).map((m) => m * MINUTE);
const instantArb = fc.integer({ min: FROM, max: TO });
const ruleArb = fc.constantFrom<NonWorkingEnd>('previous_working_day', 'next_working_day');

describe('clocks agree with the slow reference (property)', () => {
  it('addWorkingHours walks minute by minute to the same instant', () => {
    fc.assert(fc.property(centreArb, minuteArb, fc.integer({ min: 0, max: 72 }), (c, start, quarters) => {
      const due = addWorkingHours(new Date(start), quarters / 4, cal, toCentre(c)).getTime();
      expect(due).toBe(refAddWorkingMinutes(start, quarters * 15, c));
    }), { numRuns: 150 });
  });

  it('working time between two instants is the count of working minutes', () => {
    fc.assert(fc.property(centreArb, minuteArb, fc.integer({ min: 0, max: 6 * 1440 }), (c, a, span) => {
      const centre = toCentre(c);
      const b = a + span * MINUTE;
      const measured = workingPosition(b, cal, centre) - workingPosition(a, cal, centre);
      expect(measured).toBe(refWorkingMinutesBetween(a, b, c) * MINUTE);
    }), { numRuns: 150 });
  });

  it('addWorkingDays walks day by day to the same closing time', () => {
    fc.assert(fc.property(centreArb, instantArb, fc.integer({ min: 0, max: 25 }), (c, start, n) => {
      expect(addWorkingDays(new Date(start), n, cal, toCentre(c)).getTime()).toBe(refAddWorkingDays(start, n, c));
    }), { numRuns: 500 });
  });

  it('addCalendarDays lands on the same working day under both end rules', () => {
    fc.assert(fc.property(centreArb, instantArb, fc.integer({ min: 0, max: 65 }), ruleArb, (c, start, n, rule) => {
      const due = addCalendarDays(new Date(start), n, cal, toCentre(c), rule).getTime();
      expect(due).toBe(refAddCalendarDays(start, n, c, rule));
    }), { numRuns: 500 });
  });
});

describe('clock invariants (property)', () => {
  it('a later arrival is never due earlier, on any clock', () => {
    fc.assert(fc.property(centreArb, instantArb, instantArb, fc.integer({ min: 0, max: 40 }), ruleArb, (c, x, y, n, rule) => {
      const centre = toCentre(c);
      const [a, b] = [new Date(Math.min(x, y)), new Date(Math.max(x, y))];
      expect(addWorkingHours(a, n, cal, centre) <= addWorkingHours(b, n, cal, centre)).toBe(true);
      expect(addWorkingDays(a, n, cal, centre) <= addWorkingDays(b, n, cal, centre)).toBe(true);
      expect(addCalendarDays(a, n, cal, centre, rule) <= addCalendarDays(b, n, cal, centre, rule)).toBe(true);
    }), { numRuns: 500 });
  });

  it('addWorkingHours uses exactly the requested working time, from any instant', () => {
    fc.assert(fc.property(centreArb, instantArb, fc.integer({ min: 0, max: 60 * 3600 }).map((s) => s / 3600), (c, start, hours) => {
      const centre = toCentre(c);
      const due = addWorkingHours(new Date(start), hours, cal, centre).getTime();
      expect(due).toBeGreaterThanOrEqual(start);
      const used = workingPosition(due, cal, centre) - workingPosition(start, cal, centre);
      expect(used).toBeGreaterThanOrEqual(hours * HOUR_MS - 1e-3); // rounded up to a whole ms
      expect(used).toBeLessThan(hours * HOUR_MS + 1);
    }), { numRuns: 500 });
  });
});

describe('deadlines and risk (property)', () => {
  const itemArb = fc.record({
    kind: fc.constantFrom('incident', 'message', 'appeal' as const),
    importance: fc.constantFrom('normal', 'high' as const),
    receivedAt: instantArb,
    registeredAfter: fc.option(fc.integer({ min: 0, max: 3 * DAY }), { nil: undefined }),
    interimAfter: fc.option(fc.integer({ min: 0, max: 5 * DAY }), { nil: undefined }),
  });
  const toItem = (r: typeof itemArb extends fc.Arbitrary<infer T> ? T : never): DeadlineItem => ({
    kind: r.kind, channel: 'vk', importance: r.importance, receivedAt: new Date(r.receivedAt),
    registeredAt: r.registeredAfter === undefined ? undefined : new Date(r.receivedAt + r.registeredAfter),
    interimAnsweredAt: r.interimAfter === undefined ? undefined : new Date(r.receivedAt + r.interimAfter),
  });

  it('every deadline falls after its own start', () => {
    fc.assert(fc.property(centreArb, itemArb, (c, r) => {
      const d = deadlinesFor(toItem(r), DEFAULT_POLICIES, cal, toCentre(c));
      for (const x of [d.register, d.redirect, d.answer, d.final]) if (x) expect(x.due > x.start).toBe(true);
    }), { numRuns: 300 });
  });

  it('risk is overdue exactly after the due instant and never goes back as time passes', () => {
    const rank = (s: (typeof RISK_STATES)[number]) => RISK_STATES.indexOf(s);
    fc.assert(fc.property(centreArb, itemArb, fc.integer({ min: -2 * DAY, max: 70 * DAY }), fc.integer({ min: 0, max: 3 * DAY }), (c, r, dt, step) => {
      const centre = toCentre(c);
      const d = deadlinesFor(toItem(r), DEFAULT_POLICIES, cal, centre).answer;
      const track = riskTrack(d, cal, centre);
      const now = clockNow(new Date(d.start.getTime() + dt), cal, centre);
      const later = clockNow(new Date(d.start.getTime() + dt + step), cal, centre);
      const state = riskState(now, track);
      expect(state === 'overdue').toBe(now.ms > d.due.getTime());
      if (state !== 'overdue') expect(state === 'at_risk').toBe(usedFraction(now, track) >= 0.75);
      if (now.ms >= d.start.getTime() && now.ms <= d.due.getTime()) {
        expect(usedFraction(now, track)).toBeGreaterThanOrEqual(0);
        expect(usedFraction(now, track)).toBeLessThanOrEqual(1);
      }
      expect(rank(riskState(later, track))).toBeGreaterThanOrEqual(rank(state));
    }), { numRuns: 500 });
  });
});
