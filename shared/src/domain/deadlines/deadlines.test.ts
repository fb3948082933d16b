import { describe, expect, it } from 'vitest';
import { RUSSIAN_CALENDARS } from './calendars/index.js';
import { makeCentre } from './centre.js';
import { deadlinesFor, validateExtension, type DeadlineItem } from './deadlines.js';
import { DEFAULT_POLICIES, policyIssues, selectPolicy, type DeadlinePolicy } from './policies.js';
import { buildWorkingCalendar } from './working-calendar.js';

const cal = buildWorkingCalendar(RUSSIAN_CALENDARS);
const centre = makeCentre({ timeZone: 'Europe/Moscow' });
const at = (local: string) => new Date(`${local}:00+03:00`);
const due = (item: DeadlineItem, policies: readonly DeadlinePolicy[] = DEFAULT_POLICIES) =>
  deadlinesFor(item, policies, cal, centre);
const appeal = (extra: Partial<DeadlineItem> = {}): DeadlineItem => ({
  kind: 'appeal', channel: 'email', receivedAt: at('2025-03-06T10:00'), registeredAt: at('2025-03-10T10:00'), ...extra,
});
const incident = (extra: Partial<DeadlineItem> = {}): DeadlineItem => ({
  kind: 'incident', channel: 'vk', receivedAt: at('2025-06-09T10:00'), ...extra,
});

const regional: readonly DeadlinePolicy[] = [
  ...DEFAULT_POLICIES,
  { id: 'pos', kind: 'message', channel: 'pos', answer: { clock: 'working_days', amount: 8 }, atRiskThreshold: 0.75 },
  { id: 'potholes', kind: 'message', categoryCode: 'roads.potholes', answer: { clock: 'working_days', amount: 5 }, atRiskThreshold: 0.5 },
  { id: 'fast-appeal', kind: 'appeal', categoryCode: 'waste.pickup', answer: { clock: 'calendar_days', amount: 15 } },
];

describe('deadline policies (RULES.md, Deadlines)', () => {
  it('has valid defaults for every kind', () => {
    expect(policyIssues(DEFAULT_POLICIES)).toEqual([]);
    expect(policyIssues(regional)).toEqual([]);
  });

  it('picks the most specific policy: category, then channel, then the kind default', () => {
    const pick = (channel: 'pos' | 'vk', categoryCode?: string) => selectPolicy({ kind: 'message', channel, categoryCode }, regional).id;
    expect(pick('pos', 'roads.potholes')).toBe('potholes');
    expect(pick('pos', 'roads.other')).toBe('pos');
    expect(pick('vk')).toBe('message-pos');
  });

  it('layers a narrower policy over the wider ones field by field', () => {
    const p = selectPolicy({ kind: 'message', channel: 'pos', categoryCode: 'roads.potholes' }, regional);
    expect(p).toMatchObject({ id: 'potholes', answer: { clock: 'working_days', amount: 5 }, atRiskThreshold: 0.5 });
    const plain = selectPolicy({ kind: 'message', channel: 'pos' }, regional);
    expect(plain).toMatchObject({ id: 'pos', atRiskThreshold: 0.75 });
  });

  it('reports a missing default, a duplicate scope and bad periods', () => {
    const broken: DeadlinePolicy[] = [
      { id: 'a', kind: 'appeal', answer: { clock: 'calendar_days', amount: 2.5 }, atRiskThreshold: 1.5 },
      { id: 'b', kind: 'appeal', answer: { clock: 'working_hours', amount: 0 }, atRiskThreshold: 0.75, maxExtension: -1 },
      { id: 'c', kind: 'incident' },
    ];
    const issues = policyIssues(broken).join('\n');
    expect(issues).toContain('no default policy for message');
    expect(issues).toContain('another policy has the scope appeal/*/*');
    expect(issues).toContain('a.answer: amount must be positive whole days');
    expect(issues).toContain('b.answer: amount must be positive');
    expect(issues).toContain('a: atRiskThreshold');
    expect(issues).toContain('b: maxExtension');
    expect(issues).toContain('c: a default policy needs an answer period');
    expect(() => selectPolicy({ kind: 'message', channel: 'pos' }, broken)).toThrow(RangeError);
  });
});

describe('59-ФЗ appeals', () => {
  it('registers in 3 days, redirects in 7 and answers in 30 calendar days from registration', () => {
    const d = due(appeal());
    expect(d.register?.due).toEqual(at('2025-03-10T18:00')); // 9 Mar is Sunday: next working day
    expect(d.redirect?.due).toEqual(at('2025-03-17T18:00'));
    expect(d.answer).toEqual({ start: at('2025-03-10T10:00'), due: at('2025-04-09T18:00'), clock: 'calendar_days' });
    expect(d.final).toBeUndefined();
  });

  it('counts an unregistered appeal from arrival', () => {
    expect(due(appeal({ registeredAt: undefined })).answer.due).toEqual(at('2025-04-04T18:00')); // 5 Apr is Saturday
  });

  it('on the eve of the New Year holidays: registration after them, answer 30 days on', () => {
    const eve = appeal({ receivedAt: at('2025-12-30T16:00'), registeredAt: undefined });
    expect(due(eve).register?.due).toEqual(at('2026-01-12T18:00'));
    expect(due(eve).answer.due).toEqual(at('2026-01-29T18:00'));
    expect(due({ ...eve, registeredAt: at('2026-01-12T09:30') }).answer.due).toEqual(at('2026-02-11T18:00'));
  });

  it('ends a period falling in the New Year holidays on the last working day before them', () => {
    expect(due(appeal({ registeredAt: at('2025-12-05T10:00') })).answer.due).toEqual(at('2025-12-30T18:00'));
  });

  it('adds one extension of up to 30 days to the answer period', () => {
    expect(due(appeal({ extendedDays: 30 })).answer.due).toEqual(at('2025-05-07T18:00')); // 9 May holiday, 8 May off
    expect(due(appeal({ extendedDays: 10 })).answer.due).toEqual(at('2025-04-18T18:00'));
  });

  it('refuses a second extension, a longer one, a bad one and one the policy does not allow', () => {
    const policy = selectPolicy(appeal(), DEFAULT_POLICIES);
    expect(validateExtension({}, 30, policy)).toBeNull();
    expect(validateExtension({ extendedDays: 10 }, 5, policy)).toBe('extension_already_used');
    expect(validateExtension({}, 31, policy)).toBe('extension_too_long');
    expect(validateExtension({}, 0, policy)).toBe('extension_invalid');
    expect(validateExtension({}, 2.5, policy)).toBe('extension_invalid');
    expect(validateExtension({}, 5, selectPolicy(incident(), DEFAULT_POLICIES))).toBe('extension_not_allowed');
    expect(() => due(appeal({ extendedDays: 45 }))).toThrow(RangeError);
    expect(() => due(incident({ extendedDays: 1 }))).toThrow(RangeError);
  });

  it('restarts the answer clock from a reopening', () => {
    const d = due(appeal({ reopenedAt: at('2025-04-20T12:00') }));
    expect(d.answer).toEqual({ start: at('2025-04-20T12:00'), due: at('2025-05-20T18:00'), clock: 'calendar_days' });
    expect(d.register?.due).toEqual(at('2025-03-10T18:00'));
  });

  it('follows an accelerated category target and keeps the kind’s other rules', () => {
    const fast = appeal({ categoryCode: 'waste.pickup' });
    const d = due(fast, regional);
    expect(d.policyId).toBe('fast-appeal');
    expect(d.answer.due).toEqual(at('2025-03-25T18:00')); // 15 days from registration
    expect(d.register?.due).toEqual(at('2025-03-10T18:00'));
    expect(selectPolicy(fast, regional).maxExtension).toBe(30);
  });
});

describe('ПОС messages', () => {
  it('answer in 10 working days by default, or per channel and category', () => {
    const msg: DeadlineItem = { kind: 'message', channel: 'pos', receivedAt: at('2025-06-09T10:00') };
    expect(due(msg).answer).toEqual({ start: msg.receivedAt, due: at('2025-06-25T18:00'), clock: 'working_days' });
    expect(due(msg, regional).answer.due).toEqual(at('2025-06-23T18:00'));
    const pothole = due({ ...msg, categoryCode: 'roads.potholes' }, regional);
    expect(pothole.answer.due).toEqual(at('2025-06-18T18:00')); // 12 June holiday, 13 June off
    expect(pothole.atRiskThreshold).toBe(0.5);
  });
});

describe('incidents', () => {
  it('first answer in 9 working hours, 4 for high importance', () => {
    expect(due(incident()).answer).toEqual({ start: at('2025-06-09T10:00'), due: at('2025-06-10T10:00'), clock: 'working_hours' });
    expect(due(incident({ importance: 'high' })).answer.due).toEqual(at('2025-06-09T14:00'));
  });

  it('an interim answer sets the final answer 7 working days later', () => {
    const d = due(incident({ interimAnsweredAt: at('2025-06-10T15:00') }));
    expect(d.final).toEqual({ start: at('2025-06-10T15:00'), due: at('2025-06-23T18:00'), clock: 'working_days' });
    expect(d.answer.due).toEqual(at('2025-06-10T10:00'));
  });

  it('a reopening restarts the first-answer clock and voids an earlier interim answer', () => {
    const d = due(incident({ interimAnsweredAt: at('2025-06-10T15:00'), reopenedAt: at('2025-06-16T11:00') }));
    expect(d.final).toBeUndefined();
    expect(d.answer.due).toEqual(at('2025-06-17T11:00'));
    const again = due(incident({ reopenedAt: at('2025-06-16T11:00'), interimAnsweredAt: at('2025-06-17T09:30') }));
    expect(again.final?.due).toEqual(at('2025-06-26T18:00'));
  });

  it('has no registration or redirect deadlines', () => {
    const d = due(incident());
    expect(d.register).toBeUndefined();
    expect(d.redirect).toBeUndefined();
  });
});
