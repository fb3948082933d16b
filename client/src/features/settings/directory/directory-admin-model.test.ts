import type { AdminDepartmentDto, AdminRoutingRuleDto, DirectoryAdminDto } from '@okno/shared';
import { describe, expect, it } from 'vitest';
import { auditDiff, auditSubject, departmentChanges, draftOf, executorCandidates, rebased, ruleTargets, sortedRules, toggled, type AuditLabels } from './directory-admin-model';

const body = (id: number, over: Partial<AdminDepartmentDto> = {}): AdminDepartmentDto => ({
  id,
  code: `d${id}`,
  name: `Орган ${id}`,
  kind: 'admin_unit',
  sectors: ['housing'],
  territoryIds: [],
  active: true,
  version: 1,
  executorIds: [],
  ...over,
});
const rule = (id: number, over: Partial<AdminRoutingRuleDto> = {}): AdminRoutingRuleDto => ({
  id,
  sector: 'housing',
  categoryId: null,
  territoryId: null,
  departmentId: 1,
  version: 1,
  ...over,
});

describe('directory administration model', () => {
  it('sends only what the form changed, and nothing when nothing did', () => {
    const d = body(1, { sectors: ['housing', 'roads'], territoryIds: [1, 2] });
    expect(departmentChanges(d, draftOf(d))).toBeNull();
    expect(departmentChanges(d, { ...draftOf(d), sectors: ['roads', 'housing'] })).toBeNull();
    expect(departmentChanges(d, { ...draftOf(d), name: '  Новое имя ', territoryIds: [] })).toEqual({ name: 'Новое имя', territoryIds: [] });
  });

  it('toggles a value in a list', () => {
    expect(toggled([1, 2], 3, true)).toEqual([1, 2, 3]);
    expect(toggled([1, 2, 3], 2, false)).toEqual([1, 3]);
    expect(toggled([1, 2], 2, true)).toEqual([1, 2]);
  });

  it('offers a rule only bodies that are active, hold the sector and cover the territory', () => {
    const bodies = [body(1), body(2, { territoryIds: [5] }), body(3, { active: false }), body(4, { sectors: ['roads'] })];
    expect(ruleTargets(bodies, 'housing', null).map((d) => d.id)).toEqual([1]);
    expect(ruleTargets(bodies, 'housing', 5).map((d) => d.id)).toEqual([1, 2]);
  });

  it('lists rules by sector, general before specific', () => {
    const rules = [rule(1, { categoryId: 3, territoryId: 2 }), rule(2, { sector: 'roads' }), rule(3, { territoryId: 2 }), rule(4)];
    expect(sortedRules(rules, ['housing', 'roads']).map((r) => r.id)).toEqual([4, 3, 1, 2]);
  });

  it('offers as executors the active people with the role who are not in the body yet', () => {
    const dto: DirectoryAdminDto = {
      departments: [],
      rules: [],
      executors: [
        { id: 1, login: 'a', name: 'А', departmentId: 7, active: true },
        { id: 2, login: 'b', name: 'Б', departmentId: 8, active: true },
        { id: 3, login: 'c', name: 'В', departmentId: null, active: false },
      ],
    };
    expect(executorCandidates(dto, 7).map((e) => e.id)).toEqual([2]);
  });

  it('summarises an audited change by the fields that differ', () => {
    expect(auditDiff({ before: { name: 'А', active: true, sectors: ['housing'] }, after: { name: 'Б', active: true, sectors: ['housing', 'roads'] } })).toEqual([
      'name: А → Б',
      'sectors: housing → housing, roads',
    ]);
    expect(auditDiff({ before: null, after: { departmentId: 3, territoryId: null } })).toEqual(['departmentId: — → 3']);
  });

  it('shows an audited change with the field names and values people read', () => {
    const fields: Record<string, string> = { name: 'Название', active: 'Действует', departmentId: 'Орган', territoryIds: 'Территории' };
    const labels: AuditLabels = {
      field: (field) => fields[field] ?? field,
      value: (field, value) => {
        if (value === null) return field === 'territoryIds' ? 'все территории' : '—';
        if (field === 'active') return value ? 'да' : 'нет';
        if (field === 'departmentId') return `Орган ${String(value)}`;
        return Array.isArray(value) ? value.join(', ') : String(value);
      },
    };
    const lines = auditDiff(
      { before: { name: 'А', active: true, territoryIds: [], departmentId: 2, code: 'x' }, after: { name: 'Б', active: false, territoryIds: [5], departmentId: 3, code: 'x' } },
      labels,
    );
    expect(lines).toEqual(['Название: А → Б', 'Действует: да → нет', 'Территории: все территории → 5', 'Орган: Орган 2 → Орган 3']);
    // A field without a label keeps its key rather than vanishing; an emptied one shows its "none".
    expect(auditDiff({ before: { departmentId: 2, extra: 1 }, after: { departmentId: null, extra: 2 } }, labels)).toEqual(['Орган: Орган 2 → —', 'extra: 1 → 2']);
  });

  it('moves a form’s input onto a newer record: edited fields keep the input, the rest take the newer values', () => {
    const base = { name: 'Управление', kind: 'admin_unit', sectors: ['housing', 'roads'], territoryIds: [1] };
    const edited = { ...base, name: 'Управление (A)', sectors: ['roads', 'housing'] };
    const latest = { ...base, name: 'Управление (C)', kind: 'regional_body', territoryIds: [1, 2] };
    // Sectors only reordered: not an edit, so the newer value stands.
    expect(rebased(base, edited, latest)).toEqual({ name: 'Управление (A)', kind: 'regional_body', sectors: ['housing', 'roads'], territoryIds: [1, 2] });
    expect(rebased(base, base, latest)).toEqual(latest);
    expect(rebased(base, { ...base, territoryIds: [] }, latest).territoryIds).toEqual([]);
  });

  it('names the subject of an audited change when its snapshot has a name', () => {
    expect(auditSubject({ entityId: 4, before: { name: 'Фомин', departmentId: 2 }, after: { name: 'Фомин', departmentId: 3 } })).toBe('«Фомин»');
    expect(auditSubject({ entityId: 61, before: null, after: { sector: 'other' } })).toBe('№61');
  });
});
