import { CHANNELS, ITEM_KINDS, type Channel, type ItemKind } from '../enums.js';
import { NON_WORKING_END_RULES, type NonWorkingEnd } from './clocks.js';

/** How a period is measured. */
export const DEADLINE_CLOCKS = ['calendar_days', 'working_days', 'working_hours'] as const;
export type DeadlineClock = (typeof DEADLINE_CLOCKS)[number];

/** Importance of an incident; high importance has the shorter first-answer period. */
export const INCIDENT_IMPORTANCE = [
  'normal', // обычная
  'high', // высокая
] as const;
export type IncidentImportance = (typeof INCIDENT_IMPORTANCE)[number];

/** A period on one clock: days for the day clocks, hours for working hours. */
export interface ClockPeriod {
  readonly clock: DeadlineClock;
  readonly amount: number;
  /** Calendar-day periods only; default 'previous_working_day'. */
  readonly onNonWorkingEnd?: NonWorkingEnd;
}

/**
 * Deadline rules for items of one kind, optionally narrowed to a channel and a category.
 * Narrower policies are layered over wider ones field by field, so a category policy may say
 * only `answer: 15 calendar days` and keep the kind's registration, extension and threshold.
 */
export interface DeadlinePolicy {
  readonly id: string;
  readonly kind: ItemKind;
  readonly channel?: Channel;
  readonly categoryCode?: string;
  /** Appeals: registration after arrival (59-ФЗ art. 8 part 2); the answer then counts from registration. */
  readonly register?: ClockPeriod;
  /** Appeals: sending to the competent body after registration (59-ФЗ art. 8 part 3). */
  readonly redirect?: ClockPeriod;
  /** The answer (for incidents: the first answer). Required in a kind's default policy. */
  readonly answer?: ClockPeriod;
  /** Incidents of high importance: replaces `answer`. */
  readonly answerHighImportance?: ClockPeriod;
  /** Incidents: the final answer after an interim answer. */
  readonly finalAfterInterim?: ClockPeriod;
  /** The longest single extension of the answer in the answer clock's units; absent: none. */
  readonly maxExtension?: number;
  /** Share of the period used from which the item is at risk (RULES.md, Escalation). */
  readonly atRiskThreshold?: number;
}

/** The layers that apply to one item merged into one policy; `id` is the narrowest layer's. */
export type EffectivePolicy = DeadlinePolicy & { readonly answer: ClockPeriod; readonly atRiskThreshold: number };

export const DEFAULT_AT_RISK_THRESHOLD = 0.75;

/** The defaults of RULES.md, one per kind; regions add channel and category overrides. */
export const DEFAULT_POLICIES: readonly DeadlinePolicy[] = [
  {
    id: 'appeal-59fz',
    kind: 'appeal',
    register: { clock: 'calendar_days', amount: 3, onNonWorkingEnd: 'next_working_day' },
    redirect: { clock: 'calendar_days', amount: 7 },
    answer: { clock: 'calendar_days', amount: 30 },
    maxExtension: 30,
    atRiskThreshold: DEFAULT_AT_RISK_THRESHOLD,
  },
  {
    id: 'message-pos',
    kind: 'message',
    answer: { clock: 'working_days', amount: 10 },
    atRiskThreshold: DEFAULT_AT_RISK_THRESHOLD,
  },
  {
    id: 'incident',
    kind: 'incident',
    answer: { clock: 'working_hours', amount: 9 },
    answerHighImportance: { clock: 'working_hours', amount: 4 },
    finalAfterInterim: { clock: 'working_days', amount: 7 },
    atRiskThreshold: DEFAULT_AT_RISK_THRESHOLD,
  },
];

/** What policy selection looks at. */
export interface PolicySubject {
  readonly kind: ItemKind;
  readonly channel: Channel;
  readonly categoryCode?: string | null;
}

function specificity(p: DeadlinePolicy, s: PolicySubject): number {
  if (p.kind !== s.kind) return -1;
  if (p.channel !== undefined && p.channel !== s.channel) return -1;
  if (p.categoryCode !== undefined && p.categoryCode !== s.categoryCode) return -1;
  return (p.categoryCode !== undefined ? 2 : 0) + (p.channel !== undefined ? 1 : 0);
}

/** The policy for an item: matching layers merged from the kind default to the narrowest. */
export function selectPolicy(subject: PolicySubject, policies: readonly DeadlinePolicy[]): EffectivePolicy {
  const layers = policies.filter((p) => specificity(p, subject) >= 0);
  layers.sort((a, b) => specificity(b, subject) - specificity(a, subject)); // narrowest first
  const pick = <K extends keyof DeadlinePolicy>(key: K): DeadlinePolicy[K] | undefined =>
    layers.find((p) => p[key] !== undefined)?.[key];
  const narrowest = layers[0];
  const answer = pick('answer');
  if (!narrowest || !answer) throw new RangeError(`no deadline policy with an answer period for ${subject.kind}`);
  return {
    id: narrowest.id,
    kind: subject.kind,
    channel: narrowest.channel,
    categoryCode: narrowest.categoryCode,
    register: pick('register'),
    redirect: pick('redirect'),
    answer,
    answerHighImportance: pick('answerHighImportance'),
    finalAfterInterim: pick('finalAfterInterim'),
    maxExtension: pick('maxExtension'),
    atRiskThreshold: pick('atRiskThreshold') ?? DEFAULT_AT_RISK_THRESHOLD,
  };
}

function periodIssues(name: string, p: ClockPeriod | undefined): string[] {
  if (!p) return [];
  const issues: string[] = [];
  if (!DEADLINE_CLOCKS.includes(p.clock)) issues.push(`${name}: unknown clock ${p.clock}`);
  const whole = p.clock !== 'working_hours';
  if (!(p.amount > 0) || (whole && !Number.isInteger(p.amount))) issues.push(`${name}: amount must be positive${whole ? ' whole days' : ''}`);
  if (p.onNonWorkingEnd !== undefined && !NON_WORKING_END_RULES.includes(p.onNonWorkingEnd)) issues.push(`${name}: unknown onNonWorkingEnd`);
  return issues;
}

/** Problems in a policy set: bad periods, duplicate scopes, a kind without a default. */
export function policyIssues(policies: readonly DeadlinePolicy[]): string[] {
  const issues: string[] = [];
  const scopes = new Set<string>();
  for (const p of policies) {
    const scope = `${p.kind}/${p.channel ?? '*'}/${p.categoryCode ?? '*'}`;
    if (scopes.has(scope)) issues.push(`${p.id}: another policy has the scope ${scope}`);
    scopes.add(scope);
    if (p.channel !== undefined && !CHANNELS.includes(p.channel)) issues.push(`${p.id}: unknown channel`);
    const periods = { register: p.register, redirect: p.redirect, answer: p.answer, answerHighImportance: p.answerHighImportance, finalAfterInterim: p.finalAfterInterim };
    for (const [name, period] of Object.entries(periods)) issues.push(...periodIssues(`${p.id}.${name}`, period));
    if (p.atRiskThreshold !== undefined && !(p.atRiskThreshold > 0 && p.atRiskThreshold <= 1)) issues.push(`${p.id}: atRiskThreshold must be in (0, 1]`);
    if (p.maxExtension !== undefined && !(Number.isInteger(p.maxExtension) && p.maxExtension > 0)) issues.push(`${p.id}: maxExtension must be a positive integer`);
  }
  for (const kind of ITEM_KINDS) {
    const fallback = policies.find((p) => p.kind === kind && p.channel === undefined && p.categoryCode === undefined);
    if (!fallback) issues.push(`no default policy for ${kind}`);
    else if (!fallback.answer) issues.push(`${fallback.id}: a default policy needs an answer period`);
  }
  return issues;
}
