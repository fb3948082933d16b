import { ROLES_AT_LEVEL, type EscalationLevel, type Role, type Sector } from '@okno/shared';
import type { Em } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { User } from '../auth/user.entity.js';

/** Someone who may stand on a step of the ladder above the operators. */
export interface StepPerson {
  id: number;
  roles: readonly Role[];
  sectors: readonly Sector[];
}

interface StepItem {
  sector?: Sector | null;
  assigneeId?: number | null;
}

const holds = (p: Pick<StepPerson, 'roles'>, level: EscalationLevel) => p.roles.some((r) => ROLES_AT_LEVEL[level].includes(r));

/**
 * Who stands on a step for an item: its holder for the operators' step; the leads of its
 * sector; the head and deputy; the curator. An item of no sector, or of a sector nobody
 * leads, is announced to the head's office instead, so that nobody's silence hides it.
 */
export function stepRecipients(level: EscalationLevel, item: StepItem, people: readonly StepPerson[]): number[] {
  switch (level) {
    case 'operator':
      return item.assigneeId != null ? [item.assigneeId] : [];
    case 'sector_lead': {
      const sector = item.sector;
      const leads = people.filter((p) => holds(p, 'sector_lead') && sector != null && p.sectors.includes(sector));
      return leads.length > 0 ? leads.map((p) => p.id) : stepRecipients('head', item, people);
    }
    case 'head':
    case 'curator':
      return people.filter((p) => holds(p, level)).map((p) => p.id);
    default: {
      const never: never = level;
      throw new Error(`unknown escalation level ${String(never)}`);
    }
  }
}

/** Whether the actor stands on the item's current step (and so may send it back down). */
export function standsOnStep(actor: Pick<Actor, 'roles' | 'sectors'>, level: EscalationLevel, sector: Sector | null): boolean {
  if (level === 'operator' || !holds(actor, level)) return false;
  return level !== 'sector_lead' || sector == null || actor.sectors.includes(sector);
}

const STEP_ROLES: Role[] = [...ROLES_AT_LEVEL.sector_lead, ...ROLES_AT_LEVEL.head, ...ROLES_AT_LEVEL.curator];

/** Active people holding a role of a step above the operators. */
export async function loadStepPeople(em: Em): Promise<StepPerson[]> {
  const users = await em.find(User, { active: true, roles: { $overlap: STEP_ROLES } }, { fields: ['id', 'roles', 'sectors'] });
  return users.map((u) => ({ id: u.id, roles: u.roles, sectors: u.sectors }));
}
