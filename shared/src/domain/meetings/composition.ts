import type { Role } from '../enums.js';
import type { CompositionPosition } from './vocabulary.js';

/** A voting member of the centre with their position in the composition. */
export interface CompositionMember {
  id: number;
  name: string;
  position: CompositionPosition;
}

/**
 * The position roles give in the composition, or null for a person outside it. The head,
 * deputy and secretary are members too ([000] 10: «в состав МЦУ входит руководитель,
 * заместитель руководителя, секретарь и иные члены»), so each of them votes.
 */
export function compositionPosition(roles: readonly Role[]): CompositionPosition | null {
  if (roles.includes('head')) return 'head';
  if (roles.includes('deputy_head')) return 'deputy_head';
  if (roles.includes('secretary')) return 'secretary';
  if (roles.includes('member')) return 'member';
  return null;
}

const ORDER: Record<CompositionPosition, number> = { head: 0, deputy_head: 1, secretary: 2, member: 3 };

/** The centre's composition from its people: head, deputy, secretary, then members by name. */
export function compositionFrom(people: readonly { id: number; name: string; roles: readonly Role[] }[]): CompositionMember[] {
  const members: CompositionMember[] = [];
  for (const p of people) {
    const position = compositionPosition(p.roles);
    if (position) members.push({ id: p.id, name: p.name, position });
  }
  return members.sort((a, b) => ORDER[a.position] - ORDER[b.position] || a.name.localeCompare(b.name, 'ru') || a.id - b.id);
}

/** Whether the person is a voting member of this composition (invited persons are not: [000] 8.4). */
export function isVotingMember(composition: readonly CompositionMember[], personId: number): boolean {
  return composition.some((m) => m.id === personId);
}

/**
 * The members present: marked in the room by the secretary, or joined remotely. Invited
 * persons and anyone outside the composition never count.
 */
export function presentMemberIds(
  composition: readonly CompositionMember[],
  inRoom: Iterable<number>,
  remote: Iterable<number>,
): number[] {
  const here = new Set([...inRoom, ...remote]);
  return composition.filter((m) => here.has(m.id)).map((m) => m.id);
}

/**
 * Quorum: the meeting may decide when at least half of its members are present.
 * [000] 17: «Заседание МЦУ считается правомочным, если на нем присутствует не менее половины
 * ее членов». Exactly half is enough; an empty composition never has a quorum.
 */
export function hasQuorum(presentMembers: number, members: number): boolean {
  return members > 0 && presentMembers * 2 >= members;
}

/** Members needed for a quorum: ceil(members / 2), at least one. */
export function quorumThreshold(members: number): number {
  return Math.max(1, Math.ceil(members / 2));
}

/**
 * Who chairs now: the head when present, otherwise the deputy when present, otherwise nobody
 * (and then no vote can be opened). [000] 14: «Заседания МЦУ проводит руководитель МЦУ, а в
 * случае его отсутствия — заместитель руководителя»; [004] гл.3 п.6.
 */
export function chairOf(composition: readonly CompositionMember[], presentIds: Iterable<number>): CompositionMember | null {
  const here = new Set(presentIds);
  return (
    composition.find((m) => m.position === 'head' && here.has(m.id)) ??
    composition.find((m) => m.position === 'deputy_head' && here.has(m.id)) ??
    null
  );
}
