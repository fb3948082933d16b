import { describe, expect, it } from 'vitest';
import type { Role } from './enums.js';
import {
  canBeExecutor,
  canEditDirectory,
  canReadDirectoryAdmin,
  decideRoute,
  resolveRoute,
  ruleIssues,
  type RoutingDepartmentLike,
  type RoutingRuleLike,
} from './routing.js';

// Territories 1 and 2 are city districts, 3 a rural district; categories 10 and 11 are housing ones.
const departments: RoutingDepartmentLike[] = [
  { id: 1, sectors: ['housing'], territoryIds: [], active: true }, // regional housing inspection
  { id: 2, sectors: ['housing'], territoryIds: [1, 2], active: true }, // city housing committee
  { id: 3, sectors: ['housing'], territoryIds: [2], active: true }, // a management company in district 2
  { id: 4, sectors: ['roads'], territoryIds: [], active: true }, // the only roads body
  { id: 5, sectors: ['housing'], territoryIds: [], active: false }, // deactivated
];
const rules: RoutingRuleLike[] = [
  { id: 1, sector: 'housing', categoryId: null, territoryId: null, departmentId: 1 },
  { id: 2, sector: 'housing', categoryId: null, territoryId: 1, departmentId: 2 },
  { id: 3, sector: 'housing', categoryId: 10, territoryId: null, departmentId: 2 },
  { id: 4, sector: 'housing', categoryId: 10, territoryId: 2, departmentId: 3 },
];

describe('resolveRoute: the most specific rule wins', () => {
  it('matches category and territory first', () => {
    expect(resolveRoute(rules, departments, { sector: 'housing', categoryId: 10, territoryId: 2 })).toEqual({
      departmentId: 3,
      ruleId: 4,
      match: 'category_territory',
    });
  });

  it('matches the category alone when no rule names the territory', () => {
    expect(resolveRoute(rules, departments, { sector: 'housing', categoryId: 10, territoryId: 3 })).toMatchObject({ departmentId: 2, ruleId: 3, match: 'category' });
  });

  it('prefers a category rule over a sector-and-territory rule', () => {
    expect(resolveRoute(rules, departments, { sector: 'housing', categoryId: 10, territoryId: 1 })).toMatchObject({ ruleId: 3, match: 'category' });
  });

  it('matches sector and territory when the category has no rule', () => {
    expect(resolveRoute(rules, departments, { sector: 'housing', categoryId: 11, territoryId: 1 })).toMatchObject({ departmentId: 2, match: 'sector_territory' });
  });

  it('falls back to the sector rule', () => {
    expect(resolveRoute(rules, departments, { sector: 'housing', categoryId: null, territoryId: null })).toMatchObject({ departmentId: 1, match: 'sector' });
  });

  it('without a rule, suggests the only active body covering the sector and territory', () => {
    expect(resolveRoute([], departments, { sector: 'roads', categoryId: null, territoryId: 3 })).toEqual({ departmentId: 4, ruleId: null, match: 'coverage' });
  });

  it('suggests nothing when several bodies cover the item and no rule decides', () => {
    expect(resolveRoute([], departments, { sector: 'housing', categoryId: null, territoryId: 2 })).toBeNull();
  });

  it('suggests nothing for an item without a sector', () => {
    expect(resolveRoute(rules, departments, { sector: null, categoryId: null, territoryId: 1 })).toBeNull();
  });

  it('ignores rules that point at a deactivated body', () => {
    const withInactive = [{ id: 0, sector: 'housing' as const, categoryId: 10, territoryId: 3, departmentId: 5 }, ...rules];
    expect(resolveRoute(withInactive, departments, { sector: 'housing', categoryId: 10, territoryId: 3 })).toMatchObject({ ruleId: 3 });
  });

  it('breaks a tie between equally specific rules by the lowest rule id', () => {
    const twins = [
      { id: 9, sector: 'roads' as const, categoryId: null, territoryId: null, departmentId: 4 },
      { id: 8, sector: 'roads' as const, categoryId: null, territoryId: null, departmentId: 1 },
    ];
    expect(resolveRoute(twins, departments, { sector: 'roads', categoryId: null, territoryId: null })?.ruleId).toBe(8);
  });
});

describe('decideRoute: who may route from which status', () => {
  const operator: Role[] = ['operator'];
  const base = { roles: operator, currentDepartmentId: null, targetDepartmentId: 2 };

  it('lets a queue worker route a new or in-work item without a reason', () => {
    expect(decideRoute({ ...base, status: 'new' })).toEqual({ ok: true, reroute: false });
    expect(decideRoute({ ...base, status: 'in_work' })).toEqual({ ok: true, reroute: false });
    expect(decideRoute({ ...base, roles: ['sector_lead'], status: 'in_work' })).toEqual({ ok: true, reroute: false });
  });

  it('refuses executors, analysts and administrators: only queue workers route', () => {
    for (const roles of [['executor'], ['analyst'], ['admin']] as Role[][]) {
      expect(decideRoute({ ...base, roles, status: 'in_work' })).toEqual({ ok: false, refusal: 'not_queue_worker' });
    }
  });

  it('refuses answered and closed items', () => {
    expect(decideRoute({ ...base, status: 'answered' })).toEqual({ ok: false, refusal: 'not_routable' });
    expect(decideRoute({ ...base, status: 'closed' })).toEqual({ ok: false, refusal: 'not_routable' });
  });

  it('re-routes a routed item or one whose answer is in review only with a reason', () => {
    for (const status of ['routed', 'answer_review'] as const) {
      const req = { ...base, status, currentDepartmentId: 1 };
      expect(decideRoute(req)).toEqual({ ok: false, refusal: 'reason_required' });
      expect(decideRoute({ ...req, reason: '   ' })).toEqual({ ok: false, refusal: 'reason_required' });
      expect(decideRoute({ ...req, reason: 'не в компетенции' })).toEqual({ ok: true, reroute: true });
    }
  });

  it('refuses re-routing to the department that already has the item', () => {
    expect(decideRoute({ ...base, status: 'routed', currentDepartmentId: 2, reason: 'повторно' })).toEqual({ ok: false, refusal: 'same_department' });
  });

  it('lets a reopened item in work go back to its former department without a reason', () => {
    expect(decideRoute({ ...base, status: 'in_work', currentDepartmentId: 2 })).toEqual({ ok: true, reroute: false });
  });

  it('asks a reason to move an item taken back into work away from its department', () => {
    for (const status of ['new', 'in_work'] as const) {
      const req = { ...base, status, currentDepartmentId: 1 };
      expect(decideRoute(req)).toEqual({ ok: false, refusal: 'reason_required' });
      expect(decideRoute({ ...req, reason: 'не в компетенции' })).toEqual({ ok: true, reroute: true });
    }
  });
});

describe('directory administration rights', () => {
  it('lets only administrators edit', () => {
    expect(canEditDirectory(['admin'])).toBe(true);
    expect(canEditDirectory(['head', 'sector_lead', 'operator'])).toBe(false);
  });

  it('lets heads and sector leads read, not operators or executors', () => {
    expect(canReadDirectoryAdmin(['head'])).toBe(true);
    expect(canReadDirectoryAdmin(['sector_lead'])).toBe(true);
    expect(canReadDirectoryAdmin(['admin'])).toBe(true);
    expect(canReadDirectoryAdmin(['operator'])).toBe(false);
    expect(canReadDirectoryAdmin(['executor'])).toBe(false);
  });

  it('assigns only people holding the executor role to a department', () => {
    expect(canBeExecutor(['executor'])).toBe(true);
    expect(canBeExecutor(['operator'])).toBe(false);
  });
});

describe('ruleIssues: a rule must fit its body and category', () => {
  const city = departments[1]!;
  it('accepts a rule for a territory the body covers', () => {
    expect(ruleIssues({ sector: 'housing', categorySector: 'housing', territoryId: 1, department: city })).toEqual([]);
  });

  it('refuses a category from another sector', () => {
    expect(ruleIssues({ sector: 'housing', categorySector: 'roads', territoryId: 1, department: city })).toEqual(['category_sector']);
  });

  it('refuses a body that does not hold the sector', () => {
    expect(ruleIssues({ sector: 'roads', categorySector: null, territoryId: null, department: departments[0]! })).toEqual(['department_sector']);
  });

  it('refuses a territory the body does not cover, and an all-territories rule for a local body', () => {
    expect(ruleIssues({ sector: 'housing', categorySector: null, territoryId: 3, department: city })).toEqual(['department_territory']);
    expect(ruleIssues({ sector: 'housing', categorySector: null, territoryId: null, department: city })).toEqual(['department_territory']);
  });

  it('refuses a deactivated body', () => {
    expect(ruleIssues({ sector: 'housing', categorySector: null, territoryId: null, department: departments[4]! })).toEqual(['department_inactive']);
  });
});
