import type { Channel, DeadlinePolicy, IncidentImportance, ItemKind, ItemStatus, RiskState } from '@okno/shared';
import type { Orm } from '../../db/orm.js';
import type { Logger } from '../../log.js';
import type { StoredDeadlines } from '../items/item.entity.js';
import { startClock } from './item-clock.js';
import { deadlineRules } from './rules.js';

interface Row {
  id: number;
  kind: ItemKind;
  channel: Channel;
  importance: IncidentImportance;
  received_at: Date;
  extended_days: number;
  interim_answered_at: Date | null;
  reopened_at: Date | null;
  status: ItemStatus;
  updated_at: Date;
  category_code: string | null;
}

/**
 * Starts the clocks of items that arrived before deadlines existed (or while an old node
 * ingested). Open items start on time, so the scheduler marks and escalates them on its next
 * tick; answered and closed ones are judged as of their last change. Safe on several nodes
 * at once (SKIP LOCKED), and it leaves `version` alone: nobody edited these items.
 */
export async function backfillClocks(orm: Orm, log: Logger, batch = 1000): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await orm.em.fork().transactional(async (em) => {
      const rows = await em.execute<Row[]>(
        `select i.id, i.kind, i.channel, i.importance, i.received_at, i.extended_days, i.interim_answered_at, i.reopened_at,
                i.status, i.updated_at, c.code as category_code
         from item i left join category c on c.id = i.category_id
         where i.policy is null order by i.id limit ? for update of i skip locked`,
        [batch],
      );
      if (rows.length === 0) return 0;
      const rules = await deadlineRules(orm).get(em);
      const values = rows.map((r) => {
        const clocked = {
          kind: r.kind,
          channel: r.channel,
          importance: r.importance,
          receivedAt: new Date(r.received_at),
          extendedDays: r.extended_days,
          interimAnsweredAt: r.interim_answered_at && new Date(r.interim_answered_at),
          reopenedAt: r.reopened_at && new Date(r.reopened_at),
          policyId: null as string | null,
          policy: null as DeadlinePolicy | null,
          deadlines: null as StoredDeadlines | null,
          atRiskAt: null as Date | null,
          dueAt: null as Date | null,
          riskState: 'on_time' as RiskState,
          lateMarkedAt: null as Date | null,
        };
        startClock(clocked, r.category_code, rules);
        const finished = r.status === 'answered' || r.status === 'closed';
        const at = new Date(r.updated_at).getTime();
        const state: RiskState = !finished ? 'on_time' : at > clocked.dueAt!.getTime() ? 'overdue' : at >= clocked.atRiskAt!.getTime() ? 'at_risk' : 'on_time';
        return { id: r.id, policy_id: clocked.policyId, policy: clocked.policy, deadlines: clocked.deadlines, at_risk_at: clocked.atRiskAt, due_at: clocked.dueAt, risk_state: state };
      });
      await em.execute(
        `update item i set policy_id = v.policy_id, policy = v.policy, deadlines = v.deadlines,
                at_risk_at = v.at_risk_at, due_at = v.due_at, risk_state = v.risk_state
         from jsonb_to_recordset(?::jsonb) as v(id int, policy_id varchar, policy jsonb, deadlines jsonb, at_risk_at timestamptz, due_at timestamptz, risk_state varchar)
         where i.id = v.id`,
        [JSON.stringify(values)],
      );
      return rows.length;
    });
    total += done;
    if (done < batch) break;
  }
  if (total > 0) log.info({ items: total }, 'deadline clocks started for existing items');
  return total;
}
