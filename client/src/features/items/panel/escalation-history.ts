import type { EscalationLevel, ItemEvent, UserRef } from '@okno/shared';

/** One move of an item along the escalation ladder. */
export interface EscalationStep {
  seq: number;
  at: string;
  /** Null when the deadline scheduler moved it. */
  actor: UserRef | null;
  direction: 'up' | 'down';
  from: EscalationLevel;
  to: EscalationLevel;
  reason: string;
  auto: boolean;
}

/** The item's escalations and de-escalations from its timeline, oldest first. */
export function escalationSteps(events: readonly ItemEvent[]): EscalationStep[] {
  const steps: EscalationStep[] = [];
  for (const e of events) {
    const d = e.data;
    if (d.type !== 'item.escalated' && d.type !== 'item.deescalated') continue;
    steps.push({
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      direction: d.type === 'item.escalated' ? 'up' : 'down',
      from: d.from,
      to: d.to,
      reason: d.reason,
      auto: d.type === 'item.escalated' && d.auto === true,
    });
  }
  return steps.sort((a, b) => a.seq - b.seq);
}
