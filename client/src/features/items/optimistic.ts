import { ESCALATION_LEVELS, nextEscalationLevel, type AnswerState, type ItemAnswerDto, type ItemDto, type UserRef } from '@okno/shared';
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
    case 'item:route': {
      const { departmentId } = call.input;
      return (item) => ({ ...item, departmentId, status: 'routed' });
    }
    case 'item:answer_save': {
      const { text, attachmentIds } = call.input;
      return (item) => ({ ...item, answer: draftAnswer(item, text, attachmentIds, me) });
    }
    case 'item:answer_submit':
      return (item) => withAnswerState({ ...item, status: 'answer_review' }, 'submitted');
    case 'item:answer_return':
      return (item) => withAnswerState({ ...item, status: 'routed', returnCount: item.returnCount + 1 }, 'returned');
    case 'item:answer_approve':
      return (item) => withAnswerState({ ...item, status: 'answered' }, 'approved');
    case 'item:extension_request': {
      const { days, reason } = call.input;
      return (item) => ({ ...item, extensionRequest: { days, reason, by: me, at: new Date().toISOString() } });
    }
    case 'item:extension_decline':
      return (item) => ({ ...item, extensionRequest: null });
    case 'item:close': {
      const { result, mainItemId } = call.input;
      return (item) => ({ ...item, status: 'closed', closeResult: result, mergedIntoId: result === 'duplicate' ? (mainItemId ?? null) : null });
    }
    case 'item:rate': {
      const { score } = call.input;
      // Whether a low score reopens the item is the server's rule; its answer brings the status.
      return (item) => ({ ...item, rating: { score, at: new Date().toISOString(), source: 'call_centre' } });
    }
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

/** The saved draft as predicted: known attachments kept in the order given, new ones wait for the server. */
function draftAnswer(item: ItemDto, text: string, attachmentIds: readonly number[], me: UserRef): ItemAnswerDto {
  const known = new Map((item.answer?.attachments ?? []).map((a) => [a.id, a]));
  return {
    text,
    attachments: attachmentIds.flatMap((id) => known.get(id) ?? []),
    author: item.answer?.author ?? me,
    state: item.answer?.state === 'returned' ? 'returned' : 'draft',
    updatedAt: new Date().toISOString(),
    sentAt: null,
    sentVia: null,
    fromItemId: null,
  };
}

function withAnswerState(item: ItemDto, state: AnswerState): ItemDto {
  return item.answer ? { ...item, answer: { ...item.answer, state } } : item;
}

/** A fresh client mutation id: 32 hex characters, valid for the shared MutationId schema. */
export function newMutationId(): string {
  // randomUUID exists only in secure contexts; a centre may serve the console over plain http.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID().replace(/-/g, '');
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
