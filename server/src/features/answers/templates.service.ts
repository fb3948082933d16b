import { LockMode, type FilterQuery } from '@mikro-orm/core';
import {
  AppError,
  canEditTemplate,
  canReadTemplates,
  TEMPLATE_PLACEHOLDERS,
  unknownPlaceholders,
  type AnswerTemplateDto,
  type AnswerTemplateQuery,
  type CreateAnswerTemplateInput,
  type Sector,
  type UpdateAnswerTemplateInput,
} from '@okno/shared';
import type { Em, Orm } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { Category } from '../directory/directory.entity.js';
import { userRefs } from '../items/item.dto.js';
import { AnswerTemplate, AnswerTemplateRevision } from './template.entity.js';

async function toDtos(em: Em, rows: AnswerTemplate[]): Promise<AnswerTemplateDto[]> {
  const users = await userRefs(em, rows.map((r) => r.updatedBy));
  return rows.map((r) => ({
    id: r.id,
    sector: r.sector ?? null,
    categoryId: r.categoryId ?? null,
    title: r.title,
    body: r.body,
    updatedBy: r.updatedBy != null ? (users.get(r.updatedBy) ?? { id: r.updatedBy, name: '' }) : null,
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  }));
}

/** Canned answers for whoever may answer: with a sector, its own and the general ones; with a category, its own and the whole sector's. */
export async function listTemplates(orm: Orm, actor: Actor, query: AnswerTemplateQuery): Promise<AnswerTemplateDto[]> {
  if (!canReadTemplates(actor.roles)) throw new AppError('forbidden', 'Шаблоны ответов доступны тем, кто готовит ответы');
  const em = orm.em.fork();
  // `in (x, null)` never matches null: each filter is an explicit "this one or none".
  const and: FilterQuery<AnswerTemplate>[] = [];
  if (query.sector) and.push({ $or: [{ sector: query.sector }, { sector: null }] });
  if (query.categoryId) and.push({ $or: [{ categoryId: query.categoryId }, { categoryId: null }] });
  const where: FilterQuery<AnswerTemplate> = and.length > 0 ? { $and: and } : {};
  const rows = await em.find(AnswerTemplate, where, { orderBy: { sector: 'asc', categoryId: 'asc', title: 'asc' } });
  return toDtos(em, rows);
}

function refuseEdit(actor: Actor, sector: Sector | null): void {
  if (!canEditTemplate(actor, sector)) {
    throw new AppError('forbidden', sector ? 'Шаблоны этого направления правит его ответственный или руководитель' : 'Общие шаблоны правит руководитель, куратор или администратор');
  }
}

async function validate(em: Em, input: CreateAnswerTemplateInput): Promise<void> {
  const unknown = unknownPlaceholders(input.body);
  if (unknown.length > 0) {
    const known = TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ');
    throw new AppError('validation', `Неизвестные подстановки: ${unknown.map((p) => `{{${p}}}`).join(', ')}. Доступны: ${known}`, { field: 'body', unknown });
  }
  if (input.categoryId == null) return;
  const category = await em.findOne(Category, { id: input.categoryId });
  if (!category || category.sector !== input.sector) {
    throw new AppError('validation', 'Категория не найдена или не относится к направлению шаблона', { field: 'categoryId' });
  }
}

const snapshot = (t: AnswerTemplate) => ({ sector: t.sector ?? null, categoryId: t.categoryId ?? null, title: t.title, body: t.body });

function audit(em: Em, actor: Actor, t: AnswerTemplate, action: 'create' | 'update' | 'delete', before: unknown, after: unknown): void {
  em.create(AnswerTemplateRevision, { templateId: t.id, at: new Date(), actorId: actor.id, actorName: actor.name, action, version: t.version, before, after });
}

async function lockTemplate(em: Em, id: number, seen: number): Promise<AnswerTemplate> {
  const row = await em.findOne(AnswerTemplate, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!row) throw new AppError('not_found', 'Шаблон не найден');
  if (row.version !== seen) {
    throw new AppError('conflict', 'Шаблон уже изменён другим сотрудником. Обновите и повторите.', { currentVersion: row.version, seenVersion: seen });
  }
  return row;
}

/** Adds a canned answer (audited). */
export async function createTemplate(orm: Orm, actor: Actor, input: CreateAnswerTemplateInput): Promise<AnswerTemplateDto> {
  refuseEdit(actor, input.sector);
  return orm.em.fork().transactional(async (em) => {
    await validate(em, input);
    const row = em.create(AnswerTemplate, { ...input, updatedBy: actor.id });
    await em.flush();
    audit(em, actor, row, 'create', null, snapshot(row));
    await em.flush();
    return (await toDtos(em, [row]))[0]!;
  });
}

/** Changes a canned answer the editor saw at `version` (audited); moving it to another sector needs rights over both. */
export async function updateTemplate(orm: Orm, actor: Actor, id: number, input: UpdateAnswerTemplateInput): Promise<AnswerTemplateDto> {
  refuseEdit(actor, input.sector);
  return orm.em.fork().transactional(async (em) => {
    const row = await lockTemplate(em, id, input.version);
    refuseEdit(actor, row.sector ?? null);
    await validate(em, input);
    const before = snapshot(row);
    Object.assign(row, { sector: input.sector, categoryId: input.categoryId, title: input.title, body: input.body, updatedBy: actor.id });
    await em.flush();
    audit(em, actor, row, 'update', before, snapshot(row));
    await em.flush();
    return (await toDtos(em, [row]))[0]!;
  });
}

/** Removes a canned answer the editor saw at `version`; its history stays in the revisions. */
export async function deleteTemplate(orm: Orm, actor: Actor, id: number, version: number): Promise<void> {
  await orm.em.fork().transactional(async (em) => {
    const row = await lockTemplate(em, id, version);
    refuseEdit(actor, row.sector ?? null);
    audit(em, actor, row, 'delete', snapshot(row), null);
    em.remove(row);
    await em.flush();
  });
}
