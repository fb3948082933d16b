import { UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  AppError,
  canManageView,
  canSeeView,
  type CreateViewInput,
  type SavedViewDto,
  type SavedViewList,
  type UpdateViewInput,
} from '@okno/shared';
import type { Em, Orm } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { userRefs } from '../items/item.dto.js';
import { SavedView } from './entities.js';

function toDto(view: SavedView, owners: Map<number, { id: number; name: string }>, actor: Actor): SavedViewDto {
  return {
    id: view.id,
    name: view.name,
    shared: view.shared,
    query: view.query,
    owner: owners.get(view.ownerId) ?? { id: view.ownerId, name: '—' },
    canManage: canManageView(actor, view),
    version: view.version,
    createdAt: view.createdAt.toISOString(),
    updatedAt: view.updatedAt.toISOString(),
  };
}

async function describe(em: Em, views: SavedView[], actor: Actor): Promise<SavedViewDto[]> {
  const owners = await userRefs(em, views.map((v) => v.ownerId));
  return views.map((v) => toDto(v, owners, actor));
}

const duplicateName = (name: string) =>
  new AppError('duplicate', `Вид «${name}» у вас уже есть — выберите другое название`, { field: 'name' });

/** The person's own views and everyone's shared ones: own first, then by name. */
export async function listViews(orm: Orm, actor: Actor): Promise<SavedViewList> {
  const em = orm.em.fork();
  const rows = await em.find(SavedView, { $or: [{ ownerId: actor.id }, { shared: true }] });
  const collator = new Intl.Collator('ru');
  rows.sort((a, b) => Number(b.ownerId === actor.id) - Number(a.ownerId === actor.id) || collator.compare(a.name, b.name));
  return { views: await describe(em, rows, actor) };
}

export async function createView(orm: Orm, actor: Actor, input: CreateViewInput): Promise<SavedViewDto> {
  const em = orm.em.fork();
  try {
    const view = em.create(SavedView, { ownerId: actor.id, name: input.name, shared: input.shared, query: input.query });
    await em.flush();
    return (await describe(em, [view], actor))[0]!;
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) throw duplicateName(input.name);
    throw e;
  }
}

/** Loads a view the actor may manage; one they cannot even see looks missing. */
async function manageable(em: Em, actor: Actor, id: number): Promise<SavedView> {
  const view = await em.findOne(SavedView, { id });
  if (!view || !canSeeView(actor, view)) throw new AppError('not_found', 'Вид не найден');
  if (!canManageView(actor, view)) {
    throw new AppError('forbidden', 'Изменить общий вид может его автор или руководитель');
  }
  return view;
}

export async function updateView(orm: Orm, actor: Actor, id: number, input: UpdateViewInput): Promise<SavedViewDto> {
  const em = orm.em.fork();
  try {
    return await em.transactional(async (tx) => {
      const view = await manageable(tx, actor, id);
      if (view.version !== input.version) {
        throw new AppError('conflict', 'Вид уже изменён. Обновите список и повторите.', { currentVersion: view.version, seenVersion: input.version });
      }
      if (input.name !== undefined) view.name = input.name;
      if (input.shared !== undefined) view.shared = input.shared;
      if (input.query !== undefined) view.query = input.query;
      await tx.flush();
      return (await describe(tx, [view], actor))[0]!;
    });
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) throw duplicateName(input.name ?? '');
    throw e;
  }
}

export async function deleteView(orm: Orm, actor: Actor, id: number): Promise<void> {
  await orm.em.fork().transactional(async (em) => {
    const view = await manageable(em, actor, id);
    em.remove(view);
    await em.flush();
  });
}
