import { DEPARTMENT_KINDS, resolveRoute, ruleIssues, SECTORS } from '@okno/shared';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, DEPARTMENTS, TERRITORIES } from './directory.js';
import { ROUTING_RULES, seedRoutingModel } from './routing-rules.js';

const model = seedRoutingModel();
const departmentByCode = new Map(DEPARTMENTS.map((d) => [d.code, d]));

describe('demo routing rules', () => {
  it('has a body of every kind', () => {
    for (const kind of DEPARTMENT_KINDS) expect(DEPARTMENTS.some((d) => d.kind === kind), kind).toBe(true);
  });

  it('names only known bodies, categories and territories', () => {
    const categories = new Set(CATEGORIES.map((c) => c.code));
    const territories = new Set(TERRITORIES.map((t) => t.code));
    for (const r of ROUTING_RULES) {
      expect(departmentByCode.has(r.department), r.department).toBe(true);
      if (r.category) expect(categories.has(r.category), r.category).toBe(true);
      if (r.territory) expect(territories.has(r.territory), r.territory).toBe(true);
    }
    for (const d of DEPARTMENTS) for (const t of d.territories) expect(territories.has(t), t).toBe(true);
  });

  it('fits every rule to its body and category (the same check the API makes)', () => {
    const sectorOf = new Map(CATEGORIES.map((c) => [c.code, c.sector]));
    model.rules.forEach((r, i) => {
      const seed = ROUTING_RULES[i]!;
      const department = model.departments.find((d) => d.id === r.departmentId)!;
      const issues = ruleIssues({ sector: r.sector, categorySector: seed.category ? sectorOf.get(seed.category)! : null, territoryId: r.territoryId, department });
      expect(issues, JSON.stringify(seed)).toEqual([]);
    });
  });

  it('has at most one rule per sector, category and territory', () => {
    const keys = ROUTING_RULES.map((r) => `${r.sector}|${r.category ?? ''}|${r.territory ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('suggests a body for every category in every territory', () => {
    for (const sector of SECTORS) {
      for (const category of CATEGORIES.filter((c) => c.sector === sector)) {
        for (const territory of TERRITORIES) {
          const found = resolveRoute(model.rules, model.departments, { sector, categoryId: model.categoryId(category.code), territoryId: model.territoryId(territory.code) });
          expect(found, `${category.code} @ ${territory.code}`).not.toBeNull();
        }
      }
    }
  });

  it('routes by territory where a body covers only some districts', () => {
    const at = (category: string, territory: string) => {
      const found = resolveRoute(model.rules, model.departments, {
        sector: CATEGORIES.find((c) => c.code === category)!.sector,
        categoryId: model.categoryId(category),
        territoryId: model.territoryId(territory),
      });
      return DEPARTMENTS[found!.departmentId - 1]!.code;
    };
    expect(at('housing.heating', 'kursk.central')).toBe('housing_committee');
    expect(at('housing.heating', 'kurchatov')).toBe('housing_inspection');
    expect(at('housing.management', 'kursk.seym')).toBe('uk_seym');
    expect(at('housing.management', 'kursk.central')).toBe('housing_inspection');
    expect(at('roads.potholes', 'lgov')).toBe('lgov_admin');
    expect(at('roads.potholes', 'kursk.railway')).toBe('roads_dept');
    expect(at('energy.gas', 'kursk.central')).toBe('gas_company');
  });
});
