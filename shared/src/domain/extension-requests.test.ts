import { describe, expect, it } from 'vitest';
import type { Role } from './enums.js';
import { checkDeclineExtension } from './extension-requests.js';

const person = (id: number, ...roles: Role[]) => ({ id, roles });
const pending = { extensionRequest: { by: { id: 10 } } };
const none = { extensionRequest: null };

describe('declining an extension request', () => {
  it('is open to the leads who may grant one: sector lead, head, deputy head, curator', () => {
    for (const role of ['sector_lead', 'head', 'deputy_head', 'curator'] as const) {
      expect(checkDeclineExtension(person(30, role), pending), role).toBeNull();
    }
  });

  it('is refused to the executor who asked, to operators and to everyone else without the grant', () => {
    for (const role of ['executor', 'operator', 'smm_officer', 'pos_officer', 'analyst', 'secretary', 'member', 'admin'] as const) {
      expect(checkDeclineExtension(person(10, role), pending), role).toBe('not_lead');
    }
  });

  it('needs a pending request', () => {
    expect(checkDeclineExtension(person(30, 'sector_lead'), none)).toBe('no_request');
    expect(checkDeclineExtension(person(10, 'executor'), none)).toBe('not_lead');
  });

  it('never lets a lead settle a request of their own', () => {
    expect(checkDeclineExtension(person(10, 'executor', 'sector_lead'), pending)).toBe('own_request');
  });
});
