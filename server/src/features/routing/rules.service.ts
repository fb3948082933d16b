import {
  AppError,
  resolveRoute,
  RoutingRuleInput,
  ruleIssues,
  UpdateRoutingRuleInput,
  type DirectoryAdminDto,
  type RouteSuggestionDto,
  type Sector,
} from '@okno/shared';
import type { Em, Orm } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { Category, Department, Territory } from '../directory/directory.entity.js';
import { recordAudit } from './audit.js';
import { checkVersion, directoryChange, RULE_ISSUE_TEXT } from './admin-change.js';
import { directoryAdmin } from './departments.service.js';
import { RoutingRule } from './entities.js';
import { loadRouting, routingDepartment, ruleSnapshot } from './routing-data.js';

const DUPLICATE = 'Правило для этого направления, категории и территории уже есть: измените его';

type RuleFields = ReturnType<typeof RoutingRuleInput.parse>;

/** Refuses a rule whose category, territory or body does not exist or does not fit. */
async function assertRuleFits(em: Em, rule: RuleFields): Promise<void> {
  const [category, territory, department] = await Promise.all([
    rule.categoryId != null ? em.findOne(Category, { id: rule.categoryId }) : null,
    rule.territoryId != null ? em.findOne(Territory, { id: rule.territoryId }) : null,
    em.findOne(Department, { id: rule.departmentId }),
  ]);
  if (rule.categoryId != null && !category) throw new AppError('validation', 'Категория не найдена', { field: 'categoryId' });
  if (rule.territoryId != null && !territory) throw new AppError('validation', 'Территория не найдена', { field: 'territoryId' });
  if (!department) throw new AppError('validation', 'Орган не найден', { field: 'departmentId' });
  const issues = ruleIssues({
    sector: rule.sector,
    categorySector: category?.sector ?? null,
    territoryId: rule.territoryId,
    department: routingDepartment(department),
  });
  if (issues.length > 0) {
    const text = issues.map((i) => RULE_ISSUE_TEXT[i]).join('; ');
    throw new AppError('validation', `Правило не подходит: ${text}`, { issues: issues.map((i) => RULE_ISSUE_TEXT[i]), codes: issues });
  }
}

/** Refuses a second rule for the same match (the unique index catches a concurrent one). */
async function assertUnique(em: Em, rule: RuleFields, exceptId: number | null): Promise<void> {
  const same = await em.findOne(RoutingRule, { sector: rule.sector, categoryId: rule.categoryId, territoryId: rule.territoryId });
  if (same && same.id !== exceptId) throw new AppError('duplicate', DUPLICATE, { ruleId: same.id });
}

async function loadRule(em: Em, id: number): Promise<RoutingRule> {
  const rule = await em.findOne(RoutingRule, { id });
  if (!rule) throw new AppError('not_found', 'Правило маршрутизации не найдено');
  return rule;
}

export async function createRule(orm: Orm, actor: Actor, raw: RoutingRuleInput): Promise<DirectoryAdminDto> {
  const input = RoutingRuleInput.parse(raw);
  await directoryChange(orm, actor, DUPLICATE, async (em) => {
    await assertRuleFits(em, input);
    await assertUnique(em, input, null);
    const rule = em.create(RoutingRule, input);
    await em.flush();
    recordAudit(em, actor, { entity: 'routing_rule', entityId: rule.id, action: 'create', before: null, after: ruleSnapshot(rule) });
    await em.flush();
  });
  return directoryAdmin(orm, actor);
}

export async function updateRule(orm: Orm, actor: Actor, id: number, raw: UpdateRoutingRuleInput): Promise<DirectoryAdminDto> {
  const { version, ...input } = UpdateRoutingRuleInput.parse(raw);
  await directoryChange(orm, actor, DUPLICATE, async (em) => {
    const rule = await loadRule(em, id);
    checkVersion(rule, version, `Правило №${id}`);
    await assertRuleFits(em, input);
    await assertUnique(em, input, id);
    const before = ruleSnapshot(rule);
    em.assign(rule, input);
    const after = ruleSnapshot(rule);
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    await em.flush();
    recordAudit(em, actor, { entity: 'routing_rule', entityId: id, action: 'update', before, after });
    await em.flush();
  });
  return directoryAdmin(orm, actor);
}

export async function deleteRule(orm: Orm, actor: Actor, id: number, version: number): Promise<DirectoryAdminDto> {
  await directoryChange(orm, actor, DUPLICATE, async (em) => {
    const rule = await loadRule(em, id);
    checkVersion(rule, version, `Правило №${id}`);
    const before = ruleSnapshot(rule);
    em.remove(rule);
    recordAudit(em, actor, { entity: 'routing_rule', entityId: id, action: 'delete', before, after: null });
    await em.flush();
  });
  return directoryAdmin(orm, actor);
}

/** The body the rules suggest for a sector, category and territory (the same resolver items use). */
export async function suggestRoute(orm: Orm, query: { sector: Sector; categoryId?: number; territoryId?: number }): Promise<RouteSuggestionDto> {
  const { rules, departments, names } = await loadRouting(orm.em.fork());
  const found = resolveRoute(rules, departments, { sector: query.sector, categoryId: query.categoryId ?? null, territoryId: query.territoryId ?? null });
  return { suggestion: found ? { ...found, departmentName: names.get(found.departmentId) ?? '' } : null };
}
