import { ROLES_AT_LEVEL, type EscalationLevel, type ItemDto, type MeDto, type Role } from '@okno/shared';

type Person = Pick<MeDto, 'roles' | 'sectors'>;

/** Roles that may extend an appeal's answer period (the server checks the same list). */
const LEAD_ROLES: readonly Role[] = ['sector_lead', 'head', 'deputy_head', 'curator'];

/**
 * Whether the person stands on this step of the ladder for an item of this sector: a role of
 * the step, and for the sector leads' step one of their sectors (an uncategorised item
 * belongs to every lead). The operators' step is nobody's to send further down.
 * Mirrors the server's check, so the UI offers de-escalation only to those it will accept.
 */
export function standsOnStep(person: Person, level: EscalationLevel, sector: ItemDto['sector']): boolean {
  if (level === 'operator' || !person.roles.some((r) => ROLES_AT_LEVEL[level].includes(r))) return false;
  return level !== 'sector_lead' || sector === null || person.sectors.includes(sector);
}

/** Whether an open item has climbed to the person: the wall's "escalated to me". */
export function isEscalatedTo(person: Person, item: Pick<ItemDto, 'escalationLevel' | 'sector' | 'status'>): boolean {
  if (item.status === 'answered' || item.status === 'closed') return false;
  return standsOnStep(person, item.escalationLevel, item.sector);
}

export function isLead(person: Person): boolean {
  return person.roles.some((r) => LEAD_ROLES.includes(r));
}
