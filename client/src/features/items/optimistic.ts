import { ESCALATION_LEVELS, nextEscalationLevel, type ItemDto, type UserRef } from '@okno/shared';
import type { MutationCall } from '../../api/socket';

/**
 * What a mutation is expected to do to an item, drawn before the server answers.
 * Null when nothing sensible can be predicted (comments show as pending timeline entries).
 */
export function optimisticChange(call: MutationCall, me: UserRef): ((item: ItemDto) => ItemDto) | null {
  switch (call.event) {
    case 'item:claim':
      return (item) => ({ ...item, assignee: me, status: item.status === 'new' ? 'in_work' : item.status });
    case 'item:release':
      return (item) => ({ ...item, assignee: null, status: item.status === 'in_work' ? 'new' : item.status });
    case 'item:categorise': {
      const { sector, categoryId } = call.input;
      return (item) => ({ ...item, sector, categoryId });
    }
    case 'item:status': {
      const { status } = call.input;
      return (item) => ({ ...item, status });
    }
    case 'item:escalate':
      return (item) => ({ ...item, escalationLevel: nextEscalationLevel(item.escalationLevel) ?? item.escalationLevel });
    case 'item:deescalate':
      return (item) => ({
        ...item,
        escalationLevel: ESCALATION_LEVELS[ESCALATION_LEVELS.indexOf(item.escalationLevel) - 1] ?? item.escalationLevel,
      });
    // New deadlines are computed by the server's calendar rules; the answer brings them.
    case 'item:extend':
    case 'item:interim':
    case 'item:comment':
      return null;
    default: {
      const never: never = call;
      throw new Error(`unknown mutation ${String(never)}`);
    }
  }
}

/** A fresh client mutation id: 32 hex characters, valid for the shared MutationId schema. */
export function newMutationId(): string {
  // randomUUID exists only in secure contexts; a centre may serve the console over plain http.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID().replace(/-/g, '');
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
