import { AppError, ESCALATION_LEVELS, type DeescalateInput, type MutationResult } from '@okno/shared';
import type { Actor } from '../auth/actor.js';
import { runMutation } from '../events/mutation-runner.js';
import { assertVersion, loadVisibleItem } from '../items/item-access.js';
import { itemDto, type ItemsDeps } from '../items/items.service.js';
import { standsOnStep } from './recipients.js';
import { notifyStep } from './step-notices.js';

/**
 * Sends an item one step back down the ladder, with a reason. Only someone the item reached
 * may: a person on its current step (a sector lead only for their own sectors). The people
 * on the step below are told it is theirs again.
 */
export function deescalateItem(deps: ItemsDeps, actor: Actor, input: DeescalateInput): Promise<MutationResult> {
  return runMutation(deps.orm, deps.publisher, actor, input.mutationId, async (em) => {
    const item = await loadVisibleItem(em, actor, input.itemId, true);
    await assertVersion(em, item, input.version);
    const from = item.escalationLevel;
    const to = ESCALATION_LEVELS[ESCALATION_LEVELS.indexOf(from) - 1];
    if (!to) throw new AppError('invalid_transition', 'Запись не эскалирована — возвращать некуда');
    if (!standsOnStep(actor, from, item.sector ?? null)) {
      throw new AppError('forbidden', 'Вернуть сообщение может только тот, до кого дошла эскалация');
    }
    item.escalationLevel = to;
    await em.flush();
    const dto = await itemDto(em, item);
    const text = `Возвращено вам №${item.id} «${item.title}» (${actor.name}): ${input.reason}`;
    const notices = await notifyStep(em, item, to, { kind: 'deescalated', text }, actor.id, deps.clock());
    return {
      result: dto,
      events: [{ data: { type: 'item.deescalated', from, to, reason: input.reason }, item: dto }],
      afterCommit: () => deps.notifier.notify(notices),
    };
  });
}
