import { AppError, checkClose, type CloseInput, type MutationResult, type RateInput } from '@okno/shared';
import type { Em } from '../../db/orm.js';
import { copyAnswer, loadAnswer } from '../answers/answer-store.js';
import type { Actor } from '../auth/actor.js';
import { runMutation } from '../events/mutation-runner.js';
import { assertVersion, loadVisibleItem } from '../items/item-access.js';
import type { Item } from '../items/item.entity.js';
import { outcome, type ItemsDeps } from '../items/items.service.js';
import { followersOf, syncFollowers } from './follow.js';
import { applyRating } from './rating.service.js';
import { refuseClose } from './refusals.js';

/** Locks the item and, for a duplicate, its main item, in id order (two merges of a pair cannot deadlock). */
async function lockPair(em: Em, actor: Actor, input: CloseInput): Promise<{ item: Item; main: Item | null }> {
  const wantsMain = input.result === 'duplicate' && input.mainItemId != null && input.mainItemId !== input.itemId;
  const ids = wantsMain ? [input.itemId, input.mainItemId!].sort((a, b) => a - b) : [input.itemId];
  const locked = new Map<number, Item>();
  for (const id of ids) locked.set(id, await loadVisibleItem(em, actor, id, true).catch((e: unknown) => refuseMissingMain(e, id, input)));
  const item = locked.get(input.itemId)!;
  const main = input.result === 'duplicate' && input.mainItemId != null ? (locked.get(input.mainItemId) ?? item) : null;
  return { item, main };
}

/** A main item that does not exist (or is not visible) is named as such, not as the item being closed. */
function refuseMissingMain(e: unknown, id: number, input: CloseInput): never {
  if (e instanceof AppError && e.code === 'not_found' && id === input.mainItemId) {
    throw new AppError('not_found', `Основная запись № ${id} не найдена или недоступна — проверьте номер`, { field: 'mainItemId' });
  }
  throw e;
}

/**
 * Closes an item with a result, as CLOSE_RULES in shared/ allow. A duplicate is merged into its
 * main item: it takes the main's answer and from then on follows it (so do the duplicates that
 * followed it). Closing a main item closes the duplicates that follow it.
 */
export function closeItem(deps: ItemsDeps, actor: Actor, input: CloseInput): Promise<MutationResult> {
  return runMutation(deps.orm, deps.publisher, actor, input.mutationId, async (em) => {
    const { item, main } = await lockPair(em, actor, input);
    await assertVersion(em, item, input.version);
    const answer = await loadAnswer(em, item.id);
    const note = input.note?.trim() || null;
    refuseClose(
      checkClose(
        actor.roles,
        { id: item.id, status: item.status, mergedIntoId: item.mergedIntoId ?? null, answerState: answer?.state ?? null },
        { result: input.result, note, main: main && { id: main.id, status: main.status, mergedIntoId: main.mergedIntoId ?? null } },
      ),
    );
    const at = deps.clock();
    item.status = 'closed';
    item.closedAt = at;
    item.closeResult = input.result;
    item.extensionRequest = null;
    let followed;
    if (main) {
      const mine = await followersOf(em, item.id);
      item.mergedIntoId = main.id;
      await copyAnswer(em, main, item, at);
      for (const f of mine) f.mergedIntoId = main.id; // one level of merging: they follow the new main
      await em.flush();
      followed = await syncFollowers(em, deps.orm, main, at, mine);
    } else {
      await em.flush();
      followed = await syncFollowers(em, deps.orm, item, at);
    }
    const done = await outcome(em, item, { type: 'item.closed', result: input.result, mainItemId: main?.id ?? null, note });
    return { ...done, events: [...followed, ...done.events] };
  });
}

/** A call-centre operator enters the citizen's rating; 1–2 reopens the item (see applyRating). */
export function rateItem(deps: ItemsDeps, actor: Actor, input: RateInput): Promise<MutationResult> {
  return runMutation(deps.orm, deps.publisher, actor, input.mutationId, async (em) => {
    const item = await loadVisibleItem(em, actor, input.itemId, true);
    const rated = await applyRating(em, deps, item, {
      score: input.score,
      comment: input.comment?.trim() || null,
      source: 'call_centre',
      ratedBy: actor.id,
      roles: actor.roles,
    });
    return { result: rated.events.at(-1)!.item, events: rated.events, afterCommit: () => deps.notifier.notify(rated.notices) };
  });
}
