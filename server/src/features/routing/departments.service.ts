import {
  AppError,
  canBeExecutor,
  CreateDepartmentInput,
  ruleIssues,
  UpdateDepartmentInput,
  type DirectoryAdminDto,
} from '@okno/shared';
import type { Em, Orm } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { User } from '../auth/user.entity.js';
import { Category, Department, Territory } from '../directory/directory.entity.js';
import { recordAudit } from './audit.js';
import { checkVersion, directoryChange, requireDirectoryReader, RULE_ISSUE_TEXT } from './admin-change.js';
import { RoutingRule } from './entities.js';
import { departmentSnapshot, routingDepartment, toAdminDepartment, toAdminRule } from './routing-data.js';

/** Everything the administration screen edits: bodies with their executors, rules, and every executor. */
export async function directoryAdmin(orm: Orm, actor: Actor): Promise<DirectoryAdminDto> {
  requireDirectoryReader(actor);
  const em = orm.em.fork();
  const [departments, rules, users] = await Promise.all([
    em.find(Department, {}, { orderBy: { id: 'asc' } }),
    em.find(RoutingRule, {}, { orderBy: { id: 'asc' } }),
    em.find(User, {}, { orderBy: { name: 'asc' } }),
  ]);
  const executors = users.filter((u) => canBeExecutor(u.roles));
  const executorIdsOf = (id: number) => executors.filter((u) => u.departmentId === id).map((u) => u.id);
  return {
    departments: departments.map((d) => toAdminDepartment(d, executorIdsOf(d.id))),
    rules: rules.map(toAdminRule),
    executors: executors.map((u) => ({ id: u.id, login: u.login, name: u.name, departmentId: u.departmentId ?? null, active: u.active })),
  };
}

async function assertTerritoriesExist(em: Em, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await em.count(Territory, { id: { $in: [...ids] } });
  if (found !== ids.length) throw new AppError('validation', 'Указана несуществующая территория', { field: 'territoryIds' });
}

async function loadDepartment(em: Em, id: number): Promise<Department> {
  const department = await em.findOne(Department, { id });
  if (!department) throw new AppError('not_found', 'Орган не найден');
  return department;
}

/** Refuses a change of sectors or territories that would leave the body's rules pointing outside it. */
async function assertRulesStillFit(em: Em, department: Department): Promise<void> {
  const rules = await em.find(RoutingRule, { departmentId: department.id }, { orderBy: { id: 'asc' } });
  if (rules.length === 0) return;
  const categoryIds = rules.map((r) => r.categoryId).filter((id): id is number => id != null);
  const categories = new Map((await em.find(Category, { id: { $in: categoryIds } })).map((c) => [c.id, c.sector]));
  const body = { ...routingDepartment(department), active: true }; // deactivation alone is allowed: rules then stop applying
  const issues = rules.flatMap((r) =>
    ruleIssues({ sector: r.sector, categorySector: r.categoryId != null ? (categories.get(r.categoryId) ?? null) : null, territoryId: r.territoryId ?? null, department: body })
      .map((issue) => `правило №${r.id}: ${RULE_ISSUE_TEXT[issue]}`),
  );
  if (issues.length > 0) {
    throw new AppError('validation', `Сначала измените или удалите правила маршрутизации этого органа: ${issues.join('; ')}`, { issues });
  }
}

/** Adds a body to the directory. */
export async function createDepartment(orm: Orm, actor: Actor, raw: CreateDepartmentInput): Promise<DirectoryAdminDto> {
  const input = CreateDepartmentInput.parse(raw);
  await directoryChange(orm, actor, `Орган с кодом «${input.code}» уже есть`, async (em) => {
    await assertTerritoriesExist(em, input.territoryIds);
    if (await em.count(Department, { code: input.code })) throw new AppError('duplicate', `Орган с кодом «${input.code}» уже есть`);
    const department = em.create(Department, { ...input, sectors: [...input.sectors], territoryIds: [...input.territoryIds], active: true });
    await em.flush();
    recordAudit(em, actor, { entity: 'department', entityId: department.id, action: 'create', before: null, after: departmentSnapshot(department) });
    await em.flush();
  });
  return directoryAdmin(orm, actor);
}

/** Changes a body; `active: false` deactivates it (bodies are never deleted: history names them). */
export async function updateDepartment(orm: Orm, actor: Actor, id: number, raw: UpdateDepartmentInput): Promise<DirectoryAdminDto> {
  const input = UpdateDepartmentInput.parse(raw);
  await directoryChange(orm, actor, 'Такой орган уже есть', async (em) => {
    const department = await loadDepartment(em, id);
    checkVersion(department, input.version, `Орган «${department.name}»`);
    const before = departmentSnapshot(department);
    if (input.territoryIds) await assertTerritoriesExist(em, input.territoryIds);
    if (input.name !== undefined) department.name = input.name;
    if (input.kind !== undefined) department.kind = input.kind;
    if (input.sectors !== undefined) department.sectors = [...input.sectors];
    if (input.territoryIds !== undefined) department.territoryIds = [...input.territoryIds];
    if (input.active !== undefined) department.active = input.active;
    const after = departmentSnapshot(department);
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    if (input.sectors !== undefined || input.territoryIds !== undefined) await assertRulesStillFit(em, department);
    const action = before.active === after.active ? 'update' : after.active ? 'activate' : 'deactivate';
    await em.flush();
    recordAudit(em, actor, { entity: 'department', entityId: id, action, before, after });
    await em.flush();
  });
  return directoryAdmin(orm, actor);
}

/** Makes a person holding the executor role one of the body's executors (moving them from another). */
export async function assignExecutor(orm: Orm, actor: Actor, departmentId: number, userId: number): Promise<DirectoryAdminDto> {
  await directoryChange(orm, actor, 'Сотрудник уже назначен', async (em) => {
    const department = await loadDepartment(em, departmentId);
    if (!department.active) throw new AppError('validation', `Орган «${department.name}» отключён: назначать исполнителей нельзя`, { field: 'departmentId' });
    const user = await em.findOne(User, { id: userId });
    if (!user) throw new AppError('not_found', 'Сотрудник не найден');
    if (!canBeExecutor(user.roles)) {
      throw new AppError('validation', `${user.name} не имеет роли исполнителя: назначить в орган нельзя`, { field: 'userId' });
    }
    const previous = user.departmentId ?? null;
    if (previous === departmentId) return;
    user.departmentId = departmentId;
    await em.flush();
    const who = { userId: user.id, login: user.login, name: user.name };
    recordAudit(em, actor, { entity: 'executor', entityId: user.id, action: 'assign', before: { ...who, departmentId: previous }, after: { ...who, departmentId } });
    await em.flush();
  });
  return directoryAdmin(orm, actor);
}

/** Removes an executor from the body; they keep their account and see no items until reassigned. */
export async function unassignExecutor(orm: Orm, actor: Actor, departmentId: number, userId: number): Promise<DirectoryAdminDto> {
  await directoryChange(orm, actor, 'Сотрудник уже снят', async (em) => {
    const user = await em.findOne(User, { id: userId });
    if (!user || user.departmentId !== departmentId) throw new AppError('not_found', 'Сотрудник не числится исполнителем этого органа');
    user.departmentId = null;
    await em.flush();
    const who = { userId: user.id, login: user.login, name: user.name };
    recordAudit(em, actor, { entity: 'executor', entityId: user.id, action: 'unassign', before: { ...who, departmentId }, after: { ...who, departmentId: null } });
    await em.flush();
  });
  return directoryAdmin(orm, actor);
}
