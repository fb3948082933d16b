import { ESCALATION_LEVELS, type EscalationLevel, type ItemEventData, type NotificationKind, type RiskState } from '@okno/shared';
import type { Config } from '../../config.js';
import { formatLocal } from '../deadlines/item-clock.js';
import type { DeadlineRules } from '../deadlines/rules.js';
import type { Item } from '../items/item.entity.js';

/** Where the scheduler sends an item at each threshold (null: it only marks the state). */
export interface EscalationRules {
  atRiskTo: EscalationLevel | null;
  overdueTo: EscalationLevel | null;
  lateTo: EscalationLevel | null;
  /** Overdue by more than this counts as late. */
  lateAfterMs: number;
}

const level = (v: 'none' | EscalationLevel): EscalationLevel | null => (v === 'none' ? null : v);

export function escalationRules(config: Config): EscalationRules {
  return {
    atRiskTo: level(config.OKNO_ESCALATE_AT_RISK_TO),
    overdueTo: level(config.OKNO_ESCALATE_OVERDUE_TO),
    lateTo: level(config.OKNO_ESCALATE_LATE_TO),
    lateAfterMs: config.OKNO_ESCALATE_LATE_AFTER_HOURS * 3_600_000,
  };
}

const RISK_RANK: Record<RiskState, number> = { on_time: 0, at_risk: 1, overdue: 2 };
const rank = (l: EscalationLevel) => ESCALATION_LEVELS.indexOf(l);

/** What crossing thresholds did to one item: its events and the notice for its step. */
export interface Crossing {
  events: ItemEventData[];
  notice: { kind: NotificationKind; text: string } | null;
}

/**
 * Marks the thresholds a locked item has crossed by `now` and escalates it to the highest step
 * any of them asks for, never down. A late scheduler may cross several at once (on time →
 * overdue): then one risk change and one escalation are recorded, straight to the higher step.
 */
export function crossThresholds(item: Item, now: Date, esc: EscalationRules, rules: DeadlineRules): Crossing {
  if (!item.atRiskAt || !item.dueAt) return { events: [], notice: null };
  const t = now.getTime();
  const due = item.dueAt.getTime();
  const state: RiskState = t > due ? 'overdue' : item.atRiskAt.getTime() <= t ? 'at_risk' : 'on_time';
  const from: RiskState = item.riskState;
  const events: ItemEventData[] = [];
  const crossed: ('at_risk' | 'overdue' | 'late')[] = [];
  if (RISK_RANK[state] > RISK_RANK[from]) {
    item.riskState = state;
    events.push({ type: 'item.risk_changed', from, to: state, auto: true });
    if (from === 'on_time') crossed.push('at_risk');
    if (state === 'overdue') crossed.push('overdue');
  }
  if (item.riskState === 'overdue' && item.lateMarkedAt == null && t - due > esc.lateAfterMs) {
    item.lateMarkedAt = now;
    crossed.push('late');
  }
  const last = crossed.at(-1);
  if (!last) return { events, notice: null };

  const what = item.deadlines?.finalDue ? 'окончательного ответа' : 'ответа';
  const dueText = formatLocal(item.dueAt, rules);
  const reasons = {
    at_risk: `Автоматически: использовано ${Math.round((item.deadlines?.threshold ?? 0.75) * 100)}% срока ${what} (срок — ${dueText})`,
    overdue: `Автоматически: срок ${what} истёк ${dueText}`,
    late: `Автоматически: срок ${what} истёк ${dueText}, просрочка более ${Math.round(esc.lateAfterMs / 3_600_000)} ч`,
  };
  const targets = { at_risk: esc.atRiskTo, overdue: esc.overdueTo, late: esc.lateTo };
  const before = item.escalationLevel;
  let to = before;
  for (const c of crossed) {
    const target = targets[c];
    if (target && rank(target) > rank(to)) to = target;
  }
  const reason = reasons[last];
  const subject = `№${item.id} «${item.title}»`;
  if (to !== before) {
    item.escalationLevel = to;
    events.push({ type: 'item.escalated', from: before, to, reason, auto: true });
    return { events, notice: { kind: 'escalated', text: `Эскалация ${subject}: ${reason}` } };
  }
  const kind = last === 'at_risk' ? 'at_risk' : 'overdue';
  return { events, notice: { kind, text: `${kind === 'at_risk' ? 'Под угрозой' : 'Просрочено'} ${subject}: ${reason}` } };
}
