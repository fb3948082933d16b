import { interimAnswerStands } from '../answers.js';
import type { Channel, ItemKind } from '../enums.js';
import type { Centre } from './centre.js';
import { addCalendarDays, addWorkingDays, addWorkingHours } from './clocks.js';
import {
  selectPolicy,
  type ClockPeriod,
  type DeadlineClock,
  type DeadlinePolicy,
  type EffectivePolicy,
  type IncidentImportance,
} from './policies.js';
import type { WorkingCalendar } from './working-calendar.js';

/** What the engine needs to know about an item. */
export interface DeadlineItem {
  readonly kind: ItemKind;
  readonly channel: Channel;
  readonly categoryCode?: string | null;
  readonly importance?: IncidentImportance;
  readonly receivedAt: Date;
  readonly registeredAt?: Date;
  /** Extension granted to the answer, in the answer clock's units (59-ФЗ: calendar days). */
  readonly extendedDays?: number;
  readonly interimAnsweredAt?: Date;
  readonly reopenedAt?: Date;
}

/** One deadline: when its clock started, when it is due, and how its time is counted. */
export interface Deadline {
  readonly start: Date;
  readonly due: Date;
  readonly clock: DeadlineClock;
}

/** Every deadline an item carries. `final` exists once an interim answer was given. */
export interface ItemDeadlines {
  readonly policyId: string;
  readonly atRiskThreshold: number;
  readonly register?: Deadline;
  readonly redirect?: Deadline;
  readonly answer: Deadline;
  readonly final?: Deadline;
}

/** The due instant of a period that starts at `start`. */
export function dueAfter(start: Date, period: ClockPeriod, cal: WorkingCalendar, centre: Centre): Date {
  switch (period.clock) {
    case 'calendar_days':
      return addCalendarDays(start, period.amount, cal, centre, period.onNonWorkingEnd);
    case 'working_days':
      return addWorkingDays(start, period.amount, cal, centre);
    case 'working_hours':
      return addWorkingHours(start, period.amount, cal, centre);
    default: {
      const unknown: never = period.clock;
      throw new RangeError(`unknown clock ${String(unknown)}`);
    }
  }
}

function deadline(start: Date, period: ClockPeriod, cal: WorkingCalendar, centre: Centre): Deadline {
  return { start, due: dueAfter(start, period, cal, centre), clock: period.clock };
}

/** Why an extension is refused. */
export const EXTENSION_ERRORS = [
  'extension_not_allowed', // the policy has no extension (only 59-ФЗ appeals do by default)
  'extension_already_used', // 59-ФЗ art. 12 part 2 allows one extension
  'extension_invalid', // not a positive whole number
  'extension_too_long', // longer than the policy allows (59-ФЗ: 30 days)
] as const;
export type ExtensionError = (typeof EXTENSION_ERRORS)[number];

/** Null when the answer may be extended by `requested` more units, else why not. */
export function validateExtension(
  item: Pick<DeadlineItem, 'extendedDays'>,
  requested: number,
  policy: EffectivePolicy,
): ExtensionError | null {
  if (policy.maxExtension === undefined) return 'extension_not_allowed';
  if ((item.extendedDays ?? 0) > 0) return 'extension_already_used';
  if (!Number.isInteger(requested) || requested <= 0) return 'extension_invalid';
  if (requested > policy.maxExtension) return 'extension_too_long';
  return null;
}

/**
 * The deadlines of an item under its layered policy. An extension adds to the answer
 * period; a reopening restarts the answer clock; an interim answer given after the last
 * reopening starts the final-answer clock. Throws RangeError on an extension the policy forbids.
 */
export function deadlinesFor(
  item: DeadlineItem,
  policies: readonly DeadlinePolicy[],
  cal: WorkingCalendar,
  centre: Centre,
): ItemDeadlines {
  const policy = selectPolicy(item, policies);
  const extension = item.extendedDays ?? 0;
  if (extension !== 0 && validateExtension({}, extension, policy) !== null) {
    throw new RangeError(`extension of ${extension} is not allowed by policy ${policy.id}`);
  }
  const registeredFrom = item.registeredAt ?? item.receivedAt;
  const base = item.importance === 'high' ? (policy.answerHighImportance ?? policy.answer) : policy.answer;
  const answerPeriod = extension > 0 ? { ...base, amount: base.amount + extension } : base;
  const answerStart = item.reopenedAt ?? (policy.register ? registeredFrom : item.receivedAt);
  const interim = item.interimAnsweredAt;
  const interimCounts = interim !== undefined && interimAnswerStands(interim, item.reopenedAt);
  return {
    policyId: policy.id,
    atRiskThreshold: policy.atRiskThreshold,
    register: policy.register && deadline(item.receivedAt, policy.register, cal, centre),
    redirect: policy.redirect && deadline(registeredFrom, policy.redirect, cal, centre),
    answer: deadline(answerStart, answerPeriod, cal, centre),
    final: interimCounts && policy.finalAfterInterim ? deadline(interim, policy.finalAfterInterim, cal, centre) : undefined,
  };
}
