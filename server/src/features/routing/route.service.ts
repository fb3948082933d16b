import { AppError, canBeExecutor, decideRoute, resolveRoute, type MutationResult, type RouteInput, type RouteRefusal } from '@okno/shared';
import type { Em } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { User } from '../auth/user.entity.js';
import { Department } from '../directory/directory.entity.js';
import { runMutation } from '../events/mutation-runner.js';
import { assertVersion, loadVisibleItem } from '../items/item-access.js';
import type { Item } from '../items/item.entity.js';
import { itemDto, type ItemsDeps } from '../items/items.service.js';
import { writeNotifications, type PendingNotice } from '../notifications/notifications.service.js';
import { loadRouting } from './routing-data.js';

function refusal(refused: RouteRefusal, item: Item, department: Department): AppError {
  switch (refused) {
    case 'not_queue_worker':
      return new AppError('forbidden', 'Направлять сообщения исполнителям могут только сотрудники смены центра');
    case 'not_routable':
      return new AppError('invalid_transition', 'Запись уже отвечена или закрыта — направить её нельзя', { status: item.status });
    case 'same_department':
      return new AppError('invalid_transition', `Запись уже направлена в «${department.name}»`);
    case 'reason_required':
      return new AppError('validation', 'Укажите причину перенаправления', { field: 'reason' });
    default: {
      const never: never = refused;
      return never;
    }
  }
}

async function loadTarget(em: Em, id: number): Promise<Department> {
  const department = await em.findOne(Department, { id });
  if (!department) throw new AppError('validation', 'Орган не найден', { field: 'departmentId' });
  if (!department.active) throw new AppError('validation', `Орган «${department.name}» отключён: направить в него нельзя`, { field: 'departmentId' });
  return department;
}

/** Notifies the executors of the body the item was routed to (not the person routing). */
async function notifyExecutors(em: Em, item: Item, department: Department, actor: Actor, reason: string | null, at: Date): Promise<PendingNotice[]> {
  const people = await em.find(User, { departmentId: department.id, active: true });
  const userIds = people.filter((u) => canBeExecutor(u.roles) && u.id !== actor.id).map((u) => u.id);
  const text = `Направлено в «${department.name}»: №${item.id} «${item.title}»${reason ? `. Причина: ${reason}` : ''}`;
  return writeNotifications(em, [{ userIds, itemId: item.id, kind: 'routed', text }], at);
}

/**
 * Routes an item to the responsible body, or re-routes it with a reason. The item becomes
 * `routed` (an answer under review goes back with it); the event records whether the target was
 * the suggested body, and the department that lost the item replays the event so it drops it.
 */
export function routeItem(deps: ItemsDeps, actor: Actor, input: RouteInput): Promise<MutationResult> {
  return runMutation(deps.orm, deps.publisher, actor, input.mutationId, async (em) => {
    const item = await loadVisibleItem(em, actor, input.itemId, true);
    await assertVersion(em, item, input.version);
    const target = await loadTarget(em, input.departmentId);
    const reason = input.reason?.trim() || null;
    const from = item.departmentId ?? null;
    const decision = decideRoute({ roles: actor.roles, status: item.status, currentDepartmentId: from, targetDepartmentId: target.id, reason });
    if (!decision.ok) throw refusal(decision.refusal, item, target);

    const { rules, departments } = await loadRouting(em);
    const suggestion = resolveRoute(rules, departments, { sector: item.sector ?? null, categoryId: item.categoryId ?? null, territoryId: item.territoryId ?? null });
    item.departmentId = target.id;
    item.status = 'routed';
    await em.flush();
    const dto = await itemDto(em, item, actor);
    const notices = await notifyExecutors(em, item, target, actor, reason, deps.clock());
    return {
      result: dto,
      events: [
        {
          data: { type: 'item.routed', from, to: target.id, reason, suggested: suggestion?.departmentId === target.id },
          item: dto,
          previousDepartmentId: from,
        },
      ],
      afterCommit: () => deps.notifier.notify(notices),
    };
  });
}
