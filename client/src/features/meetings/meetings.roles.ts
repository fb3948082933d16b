import type { Role } from '@okno/shared';

const has = (roles: readonly Role[], ...any: Role[]) => any.some((r) => roles.includes(r));

export const canCreateMeeting = (roles: readonly Role[]) => has(roles, 'secretary', 'head', 'deputy_head');
export const isSecretary = (roles: readonly Role[]) => has(roles, 'secretary');
export const isHeadOrDeputy = (roles: readonly Role[]) => has(roles, 'head', 'deputy_head');
export const canRunMeeting = (roles: readonly Role[]) => has(roles, 'head', 'deputy_head', 'secretary');
export const isMember = (roles: readonly Role[]) => has(roles, 'head', 'deputy_head', 'secretary', 'member');
/** Who may read the decisions under control (the server's listMeetingTasks). */
export const canSeeTasks = (roles: readonly Role[]) => has(roles, 'head', 'deputy_head', 'secretary', 'member', 'curator', 'admin');
