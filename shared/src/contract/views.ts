import { z } from 'zod';
import type { Role } from '../domain/enums.js';
import { Id, UserRef, Version } from './items.js';

/**
 * Saved queue views: a name for a set of queue filters. `query` is the queue's address search
 * string (`?sector=waste&risk=overdue`, see the client's queue-url.ts); `assignee=me` and
 * `escalation=me` stand for whoever applies the view, so a shared view works for everyone.
 */
export const ViewQuery = z
  .string()
  .trim()
  .max(2000)
  .regex(/^(\?[^\s#]*)?$/, 'Ожидается строка параметров адреса, начинающаяся с «?»');
export const ViewName = z.string().trim().min(1).max(100);

export const SavedViewDto = z.object({
  id: Id,
  name: z.string(),
  shared: z.boolean(),
  query: z.string(),
  owner: UserRef,
  /** Whether the person asking may rename, change or delete it (see canManageView). */
  canManage: z.boolean(),
  version: Version,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedViewDto = z.infer<typeof SavedViewDto>;

/** GET /api/views: the person's own views and everyone's shared ones. */
export const SavedViewList = z.object({ views: z.array(SavedViewDto) });
export type SavedViewList = z.infer<typeof SavedViewList>;

export const CreateViewInput = z.object({ name: ViewName, shared: z.boolean().default(false), query: ViewQuery });
export type CreateViewInput = z.infer<typeof CreateViewInput>;

/** Renames, shares or unshares, or replaces the filters; `version` is the one the person saw. */
export const UpdateViewInput = z
  .object({ version: Version, name: ViewName.optional(), shared: z.boolean().optional(), query: ViewQuery.optional() })
  .refine((v) => v.name !== undefined || v.shared !== undefined || v.query !== undefined, { message: 'Нечего изменять' });
export type UpdateViewInput = z.infer<typeof UpdateViewInput>;

/** Roles that look after the centre's shared views besides their owners. */
export const VIEW_CURATOR_ROLES: readonly Role[] = ['sector_lead', 'head', 'deputy_head', 'curator', 'admin'];

/**
 * Who may change or delete a saved view: its owner always; a shared view also a lead
 * (sector lead, head, deputy, curator) or an administrator. A personal view is its owner's alone.
 */
export function canManageView(person: { id: number; roles: readonly Role[] }, view: { ownerId: number; shared: boolean }): boolean {
  if (person.id === view.ownerId) return true;
  return view.shared && person.roles.some((r) => VIEW_CURATOR_ROLES.includes(r));
}

/** Who may see a saved view: its owner, and everyone once it is shared. */
export function canSeeView(person: { id: number }, view: { ownerId: number; shared: boolean }): boolean {
  return view.shared || person.id === view.ownerId;
}
