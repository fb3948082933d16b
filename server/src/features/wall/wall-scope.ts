import { AppError, SECTORS, type Role, type Sector, type WallDto } from '@okno/shared';
import type { Actor } from '../auth/actor.js';

const SEE_ALL: readonly Role[] = ['head', 'deputy_head', 'admin', 'analyst'];

/** What part of the queue a person's wall covers, as SQL over the `item` table. */
export interface WallScope {
  kind: WallDto['scope'];
  /** The sectors the tiles list (null: every sector and the uncategorised). */
  sectors: Sector[] | null;
  /** SQL condition on an item row: the items the wall counts. */
  where: string;
  /** SQL condition: the item stands on one of the viewer's steps of the ladder. */
  mine: string;
}

const quoted = (sectors: readonly Sector[]) => sectors.filter((s) => SECTORS.includes(s)).map((s) => `'${s}'`).join(', ');

/**
 * Head and deputy (and the admin and analyst, who see the whole queue) see every sector; a
 * sector lead their sectors; the curator what was escalated to the curator. Anyone else
 * has no wall. Sectors are enum values checked against SECTORS before they enter SQL.
 */
export function wallScopeFor(actor: Pick<Actor, 'roles' | 'sectors'>): WallScope {
  const lead = actor.roles.includes('sector_lead') && actor.sectors.length > 0 ? quoted(actor.sectors) : null;
  const curator = actor.roles.includes('curator');
  const head = actor.roles.includes('head') || actor.roles.includes('deputy_head');
  const mineParts = [
    lead ? `(escalation_level = 'sector_lead' and sector in (${lead}))` : null,
    head ? `escalation_level = 'head'` : null,
    curator ? `escalation_level = 'curator'` : null,
  ].filter((p): p is string => p !== null);
  const mine = mineParts.length > 0 ? `(${mineParts.join(' or ')})` : 'false';
  if (actor.roles.some((r) => SEE_ALL.includes(r))) return { kind: 'all', sectors: null, where: 'true', mine };
  if (lead && curator) return { kind: 'mixed', sectors: null, where: `(sector in (${lead}) or escalation_level = 'curator')`, mine };
  if (lead) return { kind: 'sectors', sectors: [...actor.sectors], where: `sector in (${lead})`, mine };
  if (curator) return { kind: 'escalated', sectors: null, where: `escalation_level = 'curator'`, mine };
  throw new AppError('forbidden', 'Панель руководителя доступна руководителю, его заместителю, ответственным за направления и куратору');
}
