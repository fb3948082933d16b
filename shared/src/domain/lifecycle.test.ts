import { describe, expect, it } from 'vitest';
import { ESCALATION_LEVELS, ITEM_STATUSES, nextEscalationLevel, ROLES_AT_LEVEL } from './enums.js';
import { canTransition, DEDICATED_STATUSES, isClaimable, isOpenStatus, nextStatuses, STATUS_TRANSITIONS } from './lifecycle.js';

describe('item lifecycle', () => {
  it('reaches routed, answer review, answered and closed only through their dedicated mutations', () => {
    for (const from of ITEM_STATUSES) {
      for (const to of DEDICATED_STATUSES) expect(canTransition(from, to, ['operator', 'head', 'curator', 'executor'])).toBe(false);
    }
  });

  it('lets workers take a routed item back and reopen an answered one', () => {
    expect(canTransition('routed', 'in_work', ['operator'])).toBe(true);
    expect(canTransition('answered', 'in_work', ['operator'])).toBe(true);
  });

  it('leaves taking into work and giving back to claim and release, which set the assignee', () => {
    expect(canTransition('new', 'in_work', ['operator', 'head'])).toBe(false);
    expect(canTransition('in_work', 'new', ['operator', 'head'])).toBe(false);
  });

  it('gives an executor no plain status change (they submit answers instead)', () => {
    for (const from of ITEM_STATUSES) expect(nextStatuses(from, ['executor'])).toEqual([]);
  });

  it('reopens a closed item only for leads', () => {
    expect(canTransition('closed', 'in_work', ['operator'])).toBe(false);
    expect(canTransition('closed', 'in_work', ['sector_lead'])).toBe(true);
  });

  it('gives members and analysts no transitions', () => {
    for (const from of ITEM_STATUSES) {
      expect(nextStatuses(from, ['member', 'analyst'])).toEqual([]);
    }
  });

  it('allows a transition when any of several roles allows it', () => {
    expect(canTransition('closed', 'in_work', ['operator', 'head'])).toBe(true);
  });

  it('names only known statuses as targets', () => {
    for (const targets of Object.values(STATUS_TRANSITIONS)) {
      for (const to of Object.keys(targets)) expect(ITEM_STATUSES).toContain(to);
    }
  });

  it('counts answered and closed items as no longer open', () => {
    expect(ITEM_STATUSES.filter(isOpenStatus)).toEqual(['new', 'in_work', 'routed', 'answer_review']);
  });

  it('cannot claim answered or closed items', () => {
    expect(isClaimable('answered')).toBe(false);
    expect(isClaimable('closed')).toBe(false);
    expect(isClaimable('routed')).toBe(true);
  });
});

describe('escalation ladder (RULES.md: operator → sector lead → head → curator)', () => {
  it('climbs one step at a time and stops at the curator', () => {
    expect(nextEscalationLevel('operator')).toBe('sector_lead');
    expect(nextEscalationLevel('sector_lead')).toBe('head');
    expect(nextEscalationLevel('head')).toBe('curator');
    expect(nextEscalationLevel('curator')).toBeNull();
  });

  it('puts the deputy head beside the head', () => {
    expect(ROLES_AT_LEVEL.head).toContain('deputy_head');
    expect(Object.keys(ROLES_AT_LEVEL)).toEqual([...ESCALATION_LEVELS]);
  });
});
