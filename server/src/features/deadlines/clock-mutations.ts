import {
  AppError,
  selectPolicy,
  checkInterimAnswer,
  interimAnswerStands,
  validateExtension,
  type ExtendInput,
  type InterimInput,
  type MutationResult,
} from '@okno/shared';
import type { Em, Orm } from '../../db/orm.js';
import { answerFacts } from '../answers/answer-store.js';
import { refuseAnswer, refuseUnfilledPlaceholders } from '../answers/refusals.js';
import { requireRole, type Actor } from '../auth/actor.js';
import { runMutation } from '../events/mutation-runner.js';
import { assertVersion, loadVisibleItem } from '../items/item-access.js';
import type { Item } from '../items/item.entity.js';
import { itemDto, type ItemsDeps } from '../items/items.service.js';
import { rulesFor } from './clock-rules.js';
import type { DeadlineRules } from './rules.js';
import { recomputeClock } from './item-clock.js';

const EXTENSION_MESSAGES = {
  extension_not_allowed: ['invalid_transition', 'Продление срока для этого сообщения не предусмотрено'],
  extension_already_used: ['invalid_transition', 'Срок уже продлевался: продление допускается один раз (59-ФЗ, ст. 12)'],
  extension_invalid: ['validation', 'Срок продления — целое положительное число дней'],
  extension_too_long: ['validation', 'Продление длиннее допустимого'],
} as const;

const LEADS = ['sector_lead', 'head', 'deputy_head', 'curator'] as const;

/** Refuses an extension the item's policy does not allow (kind, once only, length); answers the rules in force. */
export async function assertExtensionAllowed(em: Em, orm: Orm, item: Item, days: number): Promise<DeadlineRules> {
  const rules = await rulesFor(em, orm, item);
  const policy = selectPolicy({ kind: item.kind, channel: item.channel }, [item.policy!]);
  const refusal = validateExtension(item, days, policy);
  if (refusal) {
    const [code, message] = EXTENSION_MESSAGES[refusal];
    throw new AppError(code, refusal === 'extension_too_long' ? `${message}: не более ${policy.maxExtension} дн.` : message, { reason: refusal });
  }
  return rules;
}

/** Extends an appeal's answer period once, by a lead, with the reason the citizen is told; an executor's request is then settled. */
export function extendItem(deps: ItemsDeps, actor: Actor, input: ExtendInput): Promise<MutationResult> {
  return runMutation(deps.orm, deps.publisher, actor, input.mutationId, async (em) => {
    requireRole(actor, LEADS, 'продлевать срок может руководитель или ответственный за направление');
    const item = await loadVisibleItem(em, actor, input.itemId, true);
    await assertVersion(em, item, input.version);
    if (item.status === 'answered' || item.status === 'closed') throw new AppError('invalid_transition', 'Ответ уже дан — продлевать нечего');
    const rules = await assertExtensionAllowed(em, deps.orm, item, input.days);
    item.extendedDays = input.days;
    item.extensionRequest = null;
    recomputeClock(item, rules);
    await em.flush();
    const dto = await itemDto(em, item);
    return { result: dto, events: [{ data: { type: 'item.extended', days: input.days, reason: input.reason }, item: dto }] };
  });
}

/**
 * Records an interim answer; for an incident the final-answer clock starts from it. A worker
 * of the centre gives it, or the executor of the department the item is routed to.
 */
export function recordInterimAnswer(deps: ItemsDeps, actor: Actor, input: InterimInput): Promise<MutationResult> {
  return runMutation(deps.orm, deps.publisher, actor, input.mutationId, async (em) => {
    const item = await loadVisibleItem(em, actor, input.itemId, true);
    refuseAnswer(checkInterimAnswer(actor, answerFacts(item, null)));
    refuseUnfilledPlaceholders(input.text, 'submit'); // an interim answer goes to the citizen as it is
    await assertVersion(em, item, input.version);
    const rules = await rulesFor(em, deps.orm, item);
    if (!item.policy?.finalAfterInterim) {
      throw new AppError('invalid_transition', 'Промежуточный ответ не предусмотрен для этого вида сообщений');
    }
    if (interimAnswerStands(item.interimAnsweredAt, item.reopenedAt)) throw new AppError('invalid_transition', 'Промежуточный ответ уже дан; ждём окончательного');
    item.interimAnsweredAt = deps.clock();
    recomputeClock(item, rules);
    await em.flush();
    const dto = await itemDto(em, item);
    return { result: dto, events: [{ data: { type: 'item.interim_answered', text: input.text }, item: dto }] };
  });
}
