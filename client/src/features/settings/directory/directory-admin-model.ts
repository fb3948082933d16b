import type { AdminDepartmentDto, AdminRoutingRuleDto, AuditEntryDto, DepartmentKind, DirectoryAdminDto, Sector } from '@okno/shared';

/** A body as its edit form holds it. */
export interface DepartmentDraft {
  code: string;
  name: string;
  kind: DepartmentKind;
  sectors: Sector[];
  territoryIds: number[];
}

export const emptyDepartmentDraft = (): DepartmentDraft => ({ code: '', name: '', kind: 'admin_unit', sectors: [], territoryIds: [] });

export function draftOf(d: AdminDepartmentDto): DepartmentDraft {
  return { code: d.code, name: d.name, kind: d.kind, sectors: [...d.sectors], territoryIds: [...d.territoryIds] };
}

/** Adds or removes a value from a list, keeping the list's order for the rest. */
export function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  const rest = list.filter((v) => v !== value);
  return on ? [...rest, value] : rest;
}

/** What changed between a body and its draft, or null when nothing did (nothing to send). */
export function departmentChanges(d: AdminDepartmentDto, draft: DepartmentDraft): Partial<Omit<DepartmentDraft, 'code'>> | null {
  const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x) => b.includes(x));
  const changes: Partial<Omit<DepartmentDraft, 'code'>> = {};
  if (draft.name.trim() !== d.name) changes.name = draft.name.trim();
  if (draft.kind !== d.kind) changes.kind = draft.kind;
  if (!same(draft.sectors, d.sectors)) changes.sectors = draft.sectors;
  if (!same(draft.territoryIds, d.territoryIds)) changes.territoryIds = draft.territoryIds;
  return Object.keys(changes).length > 0 ? changes : null;
}

/** A rule as its edit row holds it. */
export interface RuleDraft {
  sector: Sector;
  categoryId: number | null;
  territoryId: number | null;
  departmentId: number | null;
}

export const ruleDraftOf = (r: AdminRoutingRuleDto): RuleDraft => ({ sector: r.sector, categoryId: r.categoryId, territoryId: r.territoryId, departmentId: r.departmentId });

/** Rules most general first within a sector, as the resolver weighs them in reverse: easier to scan. */
export function sortedRules(rules: readonly AdminRoutingRuleDto[], sectorOrder: readonly Sector[]): AdminRoutingRuleDto[] {
  const weight = (r: AdminRoutingRuleDto) => (r.categoryId == null ? 0 : 2) + (r.territoryId == null ? 0 : 1);
  return [...rules].sort(
    (a, b) =>
      sectorOrder.indexOf(a.sector) - sectorOrder.indexOf(b.sector) ||
      weight(a) - weight(b) ||
      (a.categoryId ?? 0) - (b.categoryId ?? 0) ||
      (a.territoryId ?? 0) - (b.territoryId ?? 0) ||
      a.id - b.id,
  );
}

/** Bodies a rule for this sector and territory may name: active, holding the sector, covering the territory. */
export function ruleTargets(departments: readonly AdminDepartmentDto[], sector: Sector, territoryId: number | null): AdminDepartmentDto[] {
  return departments.filter(
    (d) => d.active && d.sectors.includes(sector) && (d.territoryIds.length === 0 || (territoryId != null && d.territoryIds.includes(territoryId))),
  );
}

/** Executors who may be added to a body: everyone with the role who is not already in it. */
export function executorCandidates(dto: DirectoryAdminDto, departmentId: number): DirectoryAdminDto['executors'] {
  return dto.executors.filter((e) => e.active && e.departmentId !== departmentId);
}

/** How the log shows an audited change: field names people read, and values as names instead of ids. */
export interface AuditLabels {
  field: (field: string) => string;
  /** A value as shown; an empty one (null, no value, an empty list) comes as null. */
  value: (field: string, value: unknown) => string;
}

const plain: AuditLabels = {
  field: (field) => field,
  value: (_field, value) => (value === null ? '—' : Array.isArray(value) ? value.join(', ') : String(value)),
};

const isEmpty = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0);

/** The fields an audited change altered, as "field: before → after". */
export function auditDiff(entry: Pick<AuditEntryDto, 'before' | 'after'>, labels: AuditLabels = plain): string[] {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const show = (field: string, v: unknown) => labels.value(field, isEmpty(v) ? null : v);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((k) => !(isEmpty(before[k]) && isEmpty(after[k])) && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => `${labels.field(k)}: ${show(k, before[k])} → ${show(k, after[k])}`);
}

/**
 * A form's input moved onto a newer version of its record (after a reload): the fields the
 * person edited keep their input, the rest take the newer values. Lists compare as sets.
 */
export function rebased<T extends object>(base: T, edited: T, latest: T): T {
  const same = (a: unknown, b: unknown) =>
    Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x) => b.includes(x)) : a === b;
  const result = { ...latest };
  for (const key of Object.keys(edited) as (keyof T)[]) {
    if (!same(base[key], edited[key])) result[key] = edited[key];
  }
  return result;
}

/** What an audited change was about: the name its snapshot carries, else its number. */
export function auditSubject(entry: Pick<AuditEntryDto, 'entityId' | 'before' | 'after'>): string {
  const snapshot = (entry.after ?? entry.before ?? {}) as { name?: unknown };
  return typeof snapshot.name === 'string' ? `«${snapshot.name}»` : `№${entry.entityId}`;
}
