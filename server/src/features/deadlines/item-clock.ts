import { atRiskInstant, deadlinesFor, selectPolicy, type DeadlinePolicy } from '@okno/shared';
import type { Item } from '../items/item.entity.js';
import type { DeadlineRules } from './rules.js';

type ClockedItem = Pick<
  Item,
  | 'kind'
  | 'channel'
  | 'importance'
  | 'receivedAt'
  | 'extendedDays'
  | 'interimAnsweredAt'
  | 'reopenedAt'
  | 'policyId'
  | 'policy'
  | 'deadlines'
  | 'atRiskAt'
  | 'dueAt'
  | 'riskState'
  | 'lateMarkedAt'
>;

/**
 * Chooses the item's policy under the current rules and starts its clocks. The merged policy is
 * kept on the item, so later edits of the settings apply to new items only: an extension or a
 * reopening of this item counts by the rules it arrived under.
 */
export function startClock(item: ClockedItem, categoryCode: string | null, rules: DeadlineRules): void {
  const effective = selectPolicy({ kind: item.kind, channel: item.channel, categoryCode }, rules.policies);
  // Without its scope the snapshot matches the item whatever its category becomes later.
  const policy: DeadlinePolicy = { ...effective, channel: undefined, categoryCode: undefined };
  item.policyId = effective.id;
  item.policy = JSON.parse(JSON.stringify(policy)) as DeadlinePolicy;
  recomputeClock(item, rules);
}

/**
 * Recomputes every deadline of the item from its arrival, extension, interim answer and last
 * reopening, and resets the marked risk state: the scheduler then marks (and escalates) anew
 * against the new clock, so each threshold of each clock is crossed exactly once.
 */
export function recomputeClock(item: ClockedItem, rules: DeadlineRules): void {
  if (!item.policy) throw new Error('recomputeClock: the item has no policy; call startClock first');
  const d = deadlinesFor(
    {
      kind: item.kind,
      channel: item.channel,
      importance: item.importance,
      receivedAt: item.receivedAt,
      extendedDays: item.extendedDays || undefined,
      interimAnsweredAt: item.interimAnsweredAt ?? undefined,
      reopenedAt: item.reopenedAt ?? undefined,
    },
    [item.policy],
    rules.calendar,
    rules.centre,
  );
  const tracked = d.final ?? d.answer;
  const atRiskAt = atRiskInstant(tracked, rules.calendar, rules.centre, d.atRiskThreshold);
  item.deadlines = {
    policyId: item.policyId ?? d.policyId,
    clock: tracked.clock,
    threshold: d.atRiskThreshold,
    startedAt: tracked.start.toISOString(),
    atRiskAt: atRiskAt.toISOString(),
    dueAt: tracked.due.toISOString(),
    answerDue: d.answer.due.toISOString(),
    registerDue: d.register?.due.toISOString() ?? null,
    redirectDue: d.redirect?.due.toISOString() ?? null,
    finalDue: d.final?.due.toISOString() ?? null,
    extensionAvailableDays: item.policy.maxExtension ?? null,
  };
  item.atRiskAt = atRiskAt;
  item.dueAt = tracked.due;
  item.riskState = 'on_time';
  item.lateMarkedAt = null;
}

/** An instant as the centre's local 'ДД.ММ.ГГГГ ЧЧ:ММ', for messages. */
export function formatLocal(at: Date, rules: DeadlineRules): string {
  const local = new Date(at.getTime() + rules.centre.offsetMs).toISOString();
  return `${local.slice(8, 10)}.${local.slice(5, 7)}.${local.slice(0, 4)} ${local.slice(11, 16)}`;
}
