import { AppError, checkDeclineExtension, type DeclineExtensionInput, type ExtensionDeclineRefusal, type MutationResult } from '@okno/shared';
import type { Actor } from '../auth/actor.js';
import { runMutation } from '../events/mutation-runner.js';
import { assertVersion, loadVisibleItem } from '../items/item-access.js';
import { outcome, type ItemsDeps } from '../items/items.service.js';
import { writeNotifications } from '../notifications/notifications.service.js';

const DECLINE_REFUSALS: Record<ExtensionDeclineRefusal, [AppError['code'], string]> = {
  not_lead: ['forbidden', 'Отклонить запрос продления может тот, кто вправе продлить срок: руководитель или ответственный за отраслевой блок'],
  own_request: ['forbidden', 'Свой собственный запрос продления решает другой руководитель'],
  no_request: ['invalid_transition', 'Запроса продления нет: его уже решили или не подавали'],
};

/**
 * A lead declines the executor's pending request for more time, with a reason: the request is
 * cleared (so the executor may ask again), the decline is logged and the executor is told.
 */
export function declineExtension(deps: ItemsDeps, actor: Actor, input: DeclineExtensionInput): Promise<MutationResult> {
  return runMutation(deps.orm, deps.publisher, actor, input.mutationId, async (em) => {
    const item = await loadVisibleItem(em, actor, input.itemId, true);
    await assertVersion(em, item, input.version);
    const refusal = checkDeclineExtension(actor, { extensionRequest: item.extensionRequest ?? null });
    if (refusal) {
      const [code, message] = DECLINE_REFUSALS[refusal];
      throw new AppError(code, message, { reason: refusal });
    }
    const requester = item.extensionRequest!.by;
    item.extensionRequest = null;
    const done = await outcome(em, item, { type: 'item.extension_declined', reason: input.reason }, actor);
    const text = `Продление не согласовано: №${item.id} «${item.title}» (${actor.name}): ${input.reason}`;
    const notices = await writeNotifications(em, [{ userIds: [requester.id], itemId: item.id, kind: 'extension_declined', text }], deps.clock());
    return { ...done, afterCommit: () => deps.notifier.notify(notices) };
  });
}
