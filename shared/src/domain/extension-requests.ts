import type { Role } from './enums.js';
import { LEAD_ROLES } from './lifecycle.js';

/**
 * Who settles an executor's request for more time: the leads who may extend the deadline
 * (`item:extend`) may also decline the request, and nobody else.
 */
export const EXTENSION_GRANT_ROLES: readonly Role[] = LEAD_ROLES;

/** Why declining an extension request is refused; the server words each one. */
export type ExtensionDeclineRefusal =
  | 'not_lead' // only those who may grant an extension may decline one
  | 'own_request' // nobody settles their own request
  | 'no_request'; // there is no pending request to decline

/** Declining the pending request: by a lead who did not make it, while one is pending. */
export function checkDeclineExtension(
  actor: { id: number; roles: readonly Role[] },
  item: { extensionRequest: { by: { id: number } } | null },
): ExtensionDeclineRefusal | null {
  if (!actor.roles.some((r) => EXTENSION_GRANT_ROLES.includes(r))) return 'not_lead';
  if (item.extensionRequest === null) return 'no_request';
  if (item.extensionRequest.by.id === actor.id) return 'own_request';
  return null;
}
