import {
  AppError,
  canComment,
  canTransition,
  isClaimable,
  isOpenStatus,
  nextEscalationLevel,
  type CategoriseInput,
  type ChangeStatusInput,
  type ClaimInput,
  type CommentInput,
  type EscalateInput,
  type ItemDto,
  type ItemEventData,
  type MutationResult,
  type ReleaseInput,
} from '@okno/shared';
import type { Clock } from '../../clock.js';
import type { Em, Orm } from '../../db/orm.js';
import { requireQueueWorker, type Actor } from '../auth/actor.js';
import { Category } from '../directory/directory.entity.js';
import { reopenAnswer } from '../answers/answer-store.js';
import { syncFollowers } from '../closing/follow.js';
import { reopenClock } from '../deadlines/clock-rules.js';
import { notifyStep } from '../escalation/step-notices.js';
import { notifyMentions } from '../collab/mentions.js';
import { runMutation, type EventPublisher, type MutationOutcome } from '../events/mutation-runner.js';
import type { NotificationPublisher } from '../notifications/notifications.service.js';
import { assertVersion, loadVisibleItem } from './item-access.js';
import { userRefs } from './item.dto.js';
import { toDtos } from './items.query.js';
import { Comment, type Item } from './item.entity.js';

export interface ItemsDeps {
  orm: Orm;
  publisher: EventPublisher;
  notifier: NotificationPublisher;
  clock: Clock;
}

/** The item's DTO with its answer and rating; `actor` saves a query when the assignee is the person acting. */
export async function itemDto(em: Em, item: Item, actor?: Actor): Promise<ItemDto> {
  const known = actor ? new Map([[actor.id, { id: actor.id, name: actor.name }]]) : undefined;
  const [dto] = await toDtos(em, [item], false, known);
  return dto!;
}

/** Flushes the item's change and describes it as one event. */
export async function outcome(em: Em, item: Item, data: ItemEventData, actor?: Actor): Promise<MutationOutcome> {
  await em.flush();
  const dto = await itemDto(em, item, actor);
  return { result: dto, events: [{ data, item: dto }] };
}

/** Claims an item: of many concurrent claimers exactly one wins (row lock + assignee check). */
export function claimItem(deps: ItemsDeps, actor: Actor, input: ClaimInput): Promise<MutationResult> {
  return runMutation(deps.orm, deps.publisher, actor, input.mutationId, async (em) => {
    requireQueueWorker(actor);
    const item = await loadVisibleItem(em, actor, input.itemId, true);
    // A finished item keeps its last assignee: say it is finished, not who once held it.
    if (!isClaimable(item.status)) {
      const why = item.status === 'closed' ? 'Запись закрыта' : 'На запись уже дан ответ';
      throw new AppError('invalid_transition', `${why} — взять её в работу нельзя`, { status: item.status });
    }
    if (item.assigneeId != null) {
      const holder = (await userRefs(em, [item.assigneeId])).get(item.assigneeId);
      const mine = item.assigneeId === actor.id;
      throw new AppError('already_claimed', mine ? 'Вы уже взяли это сообщение в работу' : `Уже взято в работу: ${holder?.name ?? '—'}`, {
        assignee: holder ?? null,
      });
    }
    await assertVersion(em, item, input.version);
    item.assigneeId = actor.id;
    if (item.status === 'new') item.status = 'in_work';
    return outcome(em, item, { type: 'item.claimed', assignee: { id: actor.id, name: actor.name } }, actor);
  });
}

/** Gives a claimed item back to the queue; only its holder or a lead may release it. */
export function releaseItem(deps: ItemsDeps, actor: Actor, input: ReleaseInput): Promise<MutationResult> {
  return runMutation(deps.orm, deps.publisher, actor, input.mutationId, async (em) => {
    requireQueueWorker(actor);
    const item = await loadVisibleItem(em, actor, input.itemId, true);
    await assertVersion(em, item, input.version);
    if (item.assigneeId == null) throw new AppError('invalid_transition', 'Запись никем не взята в работу');
    if (item.status === 'closed') throw new AppError('invalid_transition', 'Запись закрыта — освобождать нечего');
    const lead = actor.roles.some((r) => r === 'sector_lead' || r === 'head' || r === 'deputy_head' || r === 'curator');
    if (item.assigneeId !== actor.id && !lead) {
      throw new AppError('forbidden', 'Освободить сообщение может только взявший его сотрудник или руководитель');
    }
    const previous = (await userRefs(em, [item.assigneeId])).get(item.assigneeId) ?? null;
    item.assigneeId = null;
    if (item.status === 'in_work') item.status = 'new';
    return outcome(em, item, { type: 'item.released', previous });
  });
}

/** Adds an internal comment; it appears in the item's live timeline. */
export function commentItem(deps: ItemsDeps, actor: Actor, input: CommentInput): Promise<MutationResult> {
  return runMutation(deps.orm, deps.publisher, actor, input.mutationId, async (em) => {
    if (!canComment(actor.roles)) throw new AppError('forbidden', 'Недостаточно прав для комментария');
    const item = await loadVisibleItem(em, actor, input.itemId, true);
    const comment = em.create(Comment, { itemId: item.id, authorId: actor.id, text: input.text });
    await em.flush();
    const dto = await itemDto(em, item);
    const data: ItemEventData = {
      type: 'item.commented',
      comment: {
        id: comment.id,
        itemId: item.id,
        author: { id: actor.id, name: actor.name },
        text: comment.text,
        createdAt: comment.createdAt.toISOString(),
      },
    };
    const mentions = await notifyMentions(em, item, actor, comment.text, deps.clock());
    return { result: dto, events: [{ data, item: dto }], afterCommit: () => deps.notifier.notify(mentions) };
  });
}

/** Sets sector and category; the category must belong to the sector. */
export function categoriseItem(deps: ItemsDeps, actor: Actor, input: CategoriseInput): Promise<MutationResult> {
  return runMutation(deps.orm, deps.publisher, actor, input.mutationId, async (em) => {
    requireQueueWorker(actor);
    const item = await loadVisibleItem(em, actor, input.itemId, true);
    await assertVersion(em, item, input.version);
    if (item.status === 'closed') throw new AppError('invalid_transition', 'Закрытое сообщение не перекатегорируется: сначала верните его в работу');
    if (input.categoryId != null) {
      const category = await em.findOne(Category, { id: input.categoryId });
      if (!category) throw new AppError('validation', 'Категория не найдена', { field: 'categoryId' });
      if (category.sector !== input.sector) {
        throw new AppError('validation', 'Категория не относится к выбранному направлению', { field: 'categoryId' });
      }
    }
    item.sector = input.sector;
    item.categoryId = input.categoryId;
    return outcome(em, item, { type: 'item.categorised', sector: input.sector, categoryId: input.categoryId });
  });
}

/**
 * Moves an item along its lifecycle as the rules in shared/ allow for the actor's roles (the
 * ways back to work; routing, answers and closing have their own mutations). A reopened item
 * restarts its answer clock and reworks its answer; its duplicates follow it; a duplicate
 * changed on its own leaves its merge.
 */
export function changeStatus(deps: ItemsDeps, actor: Actor, input: ChangeStatusInput): Promise<MutationResult> {
  return runMutation(deps.orm, deps.publisher, actor, input.mutationId, async (em) => {
    if (!canComment(actor.roles)) throw new AppError('forbidden', 'Недостаточно прав для смены статуса');
    const item = await loadVisibleItem(em, actor, input.itemId, true);
    await assertVersion(em, item, input.version);
    const from = item.status;
    if (!canTransition(from, input.status, actor.roles)) {
      throw new AppError('invalid_transition', `Переход «${from}» → «${input.status}» недоступен`, { from, to: input.status });
    }
    const at = deps.clock();
    item.status = input.status;
    item.mergedIntoId = null;
    if (input.status === 'closed') item.closedAt = at;
    if (from === 'closed') item.closeResult = null;
    // Back to work after an answer or closure: a reopening restarts the answer clock.
    if (!isOpenStatus(from) && isOpenStatus(input.status)) {
      await reopenClock(em, deps.orm, item, at);
      await reopenAnswer(em, item.id, at);
    }
    await em.flush();
    const followed = await syncFollowers(em, deps.orm, item, at);
    const done = await outcome(em, item, { type: 'item.status_changed', from, to: input.status });
    return { ...done, events: [...followed, ...done.events] };
  });
}

/** Raises an item one step up the ladder, with a reason. */
export function escalateItem(deps: ItemsDeps, actor: Actor, input: EscalateInput): Promise<MutationResult> {
  return runMutation(deps.orm, deps.publisher, actor, input.mutationId, async (em) => {
    requireQueueWorker(actor);
    const item = await loadVisibleItem(em, actor, input.itemId, true);
    await assertVersion(em, item, input.version);
    if (item.status === 'closed') throw new AppError('invalid_transition', 'Закрытое сообщение не эскалируется');
    const from = item.escalationLevel;
    const to = nextEscalationLevel(from);
    if (!to) throw new AppError('invalid_transition', 'Запись уже на верхней ступени эскалации (куратор)');
    item.escalationLevel = to;
    const done = await outcome(em, item, { type: 'item.escalated', from, to, reason: input.reason });
    const text = `Эскалация №${item.id} «${item.title}» (${actor.name}): ${input.reason}`;
    const notices = await notifyStep(em, item, to, { kind: 'escalated', text }, actor.id, deps.clock());
    return { ...done, afterCommit: () => deps.notifier.notify(notices) };
  });
}
