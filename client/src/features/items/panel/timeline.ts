import type { CommentDto, ItemEvent, ItemEventData, UserRef } from '@okno/shared';
import type { T } from '../../../i18n/i18n';
import type { OutboxEntry } from '../outbox';

export type TimelineEntry =
  | { kind: 'event'; key: string; at: string; actor: UserRef | null; event: ItemEvent }
  | { kind: 'comment'; key: string; at: string; actor: UserRef; comment: CommentDto }
  | { kind: 'pending'; key: string; at: string; actor: UserRef; text: string; sending: boolean };

/** Adds events to a seq-keyed list: duplicates (the same seq from the fetch and the socket) collapse. */
export function mergeEvents(current: readonly ItemEvent[], incoming: readonly ItemEvent[]): ItemEvent[] {
  const bySeq = new Map<number, ItemEvent>();
  for (const e of current) bySeq.set(e.seq, e);
  for (const e of incoming) bySeq.set(e.seq, e);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The item's story, oldest first: logged events, comments that have no event of their own
 * (older data), then this user's comments still waiting in the outbox.
 */
export function buildTimeline(
  events: readonly ItemEvent[],
  comments: readonly CommentDto[],
  outbox: readonly OutboxEntry[],
  itemId: number,
  me: UserRef,
  online: boolean,
): TimelineEntry[] {
  const logged = new Set<number>();
  const entries: TimelineEntry[] = [];
  for (const event of events) {
    if (event.data.type === 'item.commented') logged.add(event.data.comment.id);
    entries.push({ kind: 'event', key: `e${event.seq}`, at: event.at, actor: event.actor, event });
  }
  for (const comment of comments) {
    if (logged.has(comment.id)) continue;
    entries.push({ kind: 'comment', key: `c${comment.id}`, at: comment.createdAt, actor: comment.author, comment });
  }
  // Stable sort: events keep their seq order when two share a timestamp.
  entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  outbox.forEach((entry, index) => {
    if (entry.call.event !== 'item:comment' || entry.itemId !== itemId) return;
    entries.push({
      kind: 'pending',
      key: `p${entry.mutationId}`,
      at: new Date(entry.queuedAt).toISOString(),
      actor: me,
      text: entry.call.input.text,
      // Only the head of the outbox is on the wire; the rest wait their turn.
      sending: online && index === 0,
    });
  });
  return entries;
}

/** Directory lookups an event's description needs. */
export interface EventNames {
  categoryName: (id: number | null) => string | null;
  departmentName: (id: number | null) => string | null;
}

/** One Russian (or English) sentence for an event; comment text is shown separately. */
export function describeEvent(data: ItemEventData, t: T, names: EventNames): string {
  switch (data.type) {
    case 'item.created':
      return t('event.created');
    case 'item.claimed':
      return t('event.claimed', data.assignee.name);
    case 'item.released':
      return data.previous ? t('event.releasedFrom', data.previous.name) : t('event.released');
    case 'item.commented':
      return t('event.commented');
    case 'item.categorised': {
      const category = names.categoryName(data.categoryId);
      return t('event.categorised', category ? `${t(`sector.${data.sector}`)} / ${category}` : t(`sector.${data.sector}`));
    }
    case 'item.status_changed':
      return t('event.statusChanged', t(`status.${data.from}`), t(`status.${data.to}`));
    case 'item.escalated':
      return t(data.auto ? 'event.escalatedAuto' : 'event.escalated', t(`level.${data.from}`), t(`level.${data.to}`));
    case 'item.deescalated':
      return t('event.deescalated', t(`level.${data.from}`), t(`level.${data.to}`));
    case 'item.risk_changed':
      return t('event.riskChanged', t(`item.risk.${data.from}`), t(`item.risk.${data.to}`));
    case 'item.extended':
      return t('event.extended', data.days);
    case 'item.interim_answered':
      return t('event.interimAnswered');
    case 'item.routed': {
      const to = names.departmentName(data.to) ?? '';
      const text = data.from === null ? t('event.routed', to) : t('event.rerouted', names.departmentName(data.from) ?? '', to);
      return data.suggested ? `${text} ${t('event.asSuggested')}` : text;
    }
    case 'item.answer_saved':
      return t('event.answerSaved');
    case 'item.answer_submitted':
      return t('event.answerSubmitted');
    case 'item.answer_returned':
      return t('event.answerReturned', data.count);
    case 'item.answer_approved':
      return t('event.answerApproved', t(`channel.${data.sentVia}`));
    case 'item.extension_requested':
      return t('event.extensionRequested', data.days);
    case 'item.extension_declined':
      return t('event.extensionDeclined');
    case 'item.closed': {
      const result = t(`workflow.closeResult.${data.result}`);
      return data.mainItemId === null ? t('event.closed', result) : t('event.closedDuplicate', data.mainItemId);
    }
    case 'item.followed_main':
      return t('event.followedMain', data.mainItemId);
    case 'item.rated': {
      const text = t('event.rated', data.score, t(`workflow.ratingSource.${data.source}`));
      return data.reopened ? `${text} ${t('event.reopened')}` : text;
    }
    default: {
      const never: never = data;
      throw new Error(`unknown event ${JSON.stringify(never)}`);
    }
  }
}

/** The free text an event carries: a comment's body, an escalation's reason, a return's remarks. */
export function eventDetail(data: ItemEventData, t: T): string | null {
  if (data.type === 'item.commented') return data.comment.text;
  switch (data.type) {
    case 'item.escalated':
    case 'item.deescalated':
    case 'item.extended':
    case 'item.extension_requested':
    case 'item.extension_declined':
      return t('event.reason', data.reason);
    case 'item.routed':
      return data.reason ? t('event.reason', data.reason) : null;
    case 'item.interim_answered':
      return data.text;
    case 'item.answer_returned':
      return data.comment;
    case 'item.closed':
      return data.note;
    case 'item.rated':
      return data.comment;
    default:
      return null;
  }
}
