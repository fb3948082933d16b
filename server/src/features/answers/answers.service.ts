import {
  ANSWER_STEPS,
  checkRequestExtension,
  checkReviewAnswer,
  checkSaveAnswer,
  checkSubmitAnswer,
  stateAfterSave,
  type AnswerState,
  type ApproveAnswerInput,
  type MutationResult,
  type RequestExtensionInput,
  type ReturnAnswerInput,
  type SaveAnswerInput,
  type SubmitAnswerInput,
} from '@okno/shared';
import type { Em } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { syncFollowers } from '../closing/follow.js';
import { assertExtensionAllowed } from '../deadlines/clock-mutations.js';
import { runMutation, type MutationOutcome } from '../events/mutation-runner.js';
import { assertVersion, loadVisibleItem } from '../items/item-access.js';
import type { Item } from '../items/item.entity.js';
import { outcome, type ItemsDeps } from '../items/items.service.js';
import { writeNotifications, type NoticeDraft } from '../notifications/notifications.service.js';
import { ItemAnswer } from './answer.entity.js';
import { answerFacts, loadAnswer, setAnswerAttachments, touch } from './answer-store.js';
import { answerReviewers, departmentExecutors, sectorLeads } from './recipients.js';
import { refuseAnswer, refuseUnfilledPlaceholders } from './refusals.js';

/** The item, locked, its answer, and the version check every answer mutation starts with. */
async function loadForAnswer(em: Em, actor: Actor, itemId: number, version: number) {
  const item = await loadVisibleItem(em, actor, itemId, true);
  await assertVersion(em, item, version);
  return { item, answer: await loadAnswer(em, item.id) };
}

/** Adds one notice about the item (written in the transaction, sent after commit) to a mutation's outcome; the actor is not told. */
async function withNotice(deps: ItemsDeps, em: Em, done: MutationOutcome, actor: Actor, notice: NoticeDraft): Promise<MutationOutcome> {
  const notices = await writeNotifications(em, [{ ...notice, userIds: notice.userIds.filter((id) => id !== actor.id) }], deps.clock());
  return { ...done, afterCommit: () => deps.notifier.notify(notices) };
}

const label = (item: Item) => `№${item.id} «${item.title}»`;

/** The answer's state after each review step (ANSWER_STEPS gives the item's). */
const STATE_AFTER = { submit: 'submitted', return: 'returned', approve: 'approved' } as const satisfies Record<keyof typeof ANSWER_STEPS, AnswerState>;

/** Moves the answer and its item one review step; the step's check has made sure there is an answer. */
function takeStep(item: Item, answer: ItemAnswer | null, step: keyof typeof ANSWER_STEPS, at: Date): ItemAnswer {
  Object.assign(answer!, { state: STATE_AFTER[step], updatedAt: at });
  item.status = ANSWER_STEPS[step].to;
  return answer!;
}

/** Saves the answer draft with its files; a returned answer stays returned while it is fixed. */
export function saveAnswer(deps: ItemsDeps, actor: Actor, input: SaveAnswerInput): Promise<MutationResult> {
  return runMutation(deps.orm, deps.publisher, actor, input.mutationId, async (em) => {
    const { item, answer } = await loadForAnswer(em, actor, input.itemId, input.version);
    refuseAnswer(checkSaveAnswer(actor, answerFacts(item, answer)));
    const at = deps.clock();
    await setAnswerAttachments(em, item.id, input.attachmentIds);
    const fields = { text: input.text, authorId: actor.id, state: stateAfterSave(answer?.state ?? null), updatedAt: at, fromItemId: null };
    if (answer) Object.assign(answer, fields);
    else em.create(ItemAnswer, { itemId: item.id, ...fields, sentAt: null, sentVia: null });
    touch(item, at);
    return outcome(em, item, { type: 'item.answer_saved' }, actor);
  });
}

/** Sends the saved answer for review: the operator holding the item (or the sector's leads) is told. */
export function submitAnswer(deps: ItemsDeps, actor: Actor, input: SubmitAnswerInput): Promise<MutationResult> {
  return runMutation(deps.orm, deps.publisher, actor, input.mutationId, async (em) => {
    const { item, answer } = await loadForAnswer(em, actor, input.itemId, input.version);
    refuseAnswer(checkSubmitAnswer(actor, answerFacts(item, answer)));
    refuseUnfilledPlaceholders(answer!.text, 'submit');
    takeStep(item, answer, 'submit', deps.clock());
    const done = await outcome(em, item, { type: 'item.answer_submitted' }, actor);
    const text = `Ответ на проверке: ${label(item)} (${actor.name})`;
    return withNotice(deps, em, done, actor, { userIds: await answerReviewers(em, item), itemId: item.id, kind: 'answer_submitted', text });
  });
}

/** Returns the answer for rework with a comment; the department's executors are told. */
export function returnAnswer(deps: ItemsDeps, actor: Actor, input: ReturnAnswerInput): Promise<MutationResult> {
  return runMutation(deps.orm, deps.publisher, actor, input.mutationId, async (em) => {
    const { item, answer } = await loadForAnswer(em, actor, input.itemId, input.version);
    refuseAnswer(checkReviewAnswer(actor, answerFacts(item, answer)));
    takeStep(item, answer, 'return', deps.clock());
    item.returnCount += 1;
    const done = await outcome(em, item, { type: 'item.answer_returned', comment: input.comment, count: item.returnCount });
    const text = `Ответ возвращён на доработку: ${label(item)} (${actor.name}): ${input.comment}`;
    return withNotice(deps, em, done, actor, { userIds: await departmentExecutors(em, item.departmentId ?? null), itemId: item.id, kind: 'answer_returned', text });
  });
}

/**
 * Approves the answer: it is recorded as sent to the citizen through the item's channel, the
 * item is answered, and every duplicate merged into it takes the same answer and status.
 */
export function approveAnswer(deps: ItemsDeps, actor: Actor, input: ApproveAnswerInput): Promise<MutationResult> {
  return runMutation(deps.orm, deps.publisher, actor, input.mutationId, async (em) => {
    const { item, answer } = await loadForAnswer(em, actor, input.itemId, input.version);
    refuseAnswer(checkReviewAnswer(actor, answerFacts(item, answer)));
    refuseUnfilledPlaceholders(answer!.text, 'approve');
    const at = deps.clock();
    Object.assign(takeStep(item, answer, 'approve', at), { sentAt: at, sentVia: item.channel });
    item.extensionRequest = null;
    await em.flush();
    const followed = await syncFollowers(em, deps.orm, item, at);
    const done = await outcome(em, item, { type: 'item.answer_approved', sentVia: item.channel });
    const text = `Ответ одобрен и направлен заявителю: ${label(item)}`;
    const notified = await withNotice(deps, em, done, actor, { userIds: await departmentExecutors(em, item.departmentId ?? null), itemId: item.id, kind: 'answer_approved', text });
    return { ...notified, events: [...followed, ...notified.events] };
  });
}

/** An executor asks for more time with a reason; the sector's leads are told and grant it with `extend`. */
export function requestExtension(deps: ItemsDeps, actor: Actor, input: RequestExtensionInput): Promise<MutationResult> {
  return runMutation(deps.orm, deps.publisher, actor, input.mutationId, async (em) => {
    const { item, answer } = await loadForAnswer(em, actor, input.itemId, input.version);
    refuseAnswer(checkRequestExtension(actor, answerFacts(item, answer)));
    await assertExtensionAllowed(em, deps.orm, item, input.days);
    item.extensionRequest = { days: input.days, reason: input.reason, by: { id: actor.id, name: actor.name }, at: deps.clock().toISOString() };
    const done = await outcome(em, item, { type: 'item.extension_requested', days: input.days, reason: input.reason }, actor);
    const text = `Запрошено продление на ${input.days} дн.: ${label(item)} (${actor.name}): ${input.reason}`;
    return withNotice(deps, em, done, actor, { userIds: await sectorLeads(em, item), itemId: item.id, kind: 'extension_requested', text });
  });
}
