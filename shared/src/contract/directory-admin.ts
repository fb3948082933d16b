import { z } from 'zod';
import { DEPARTMENT_KINDS, SECTORS } from '../domain/enums.js';
import { ROUTE_MATCHES } from '../domain/routing.js';
import { DepartmentDto, Id, UserRef, Version } from './items.js';

/**
 * The directory's administration under /api/routing: bodies and organisations, their executors,
 * routing rules and the audit of every change. Administrators edit; heads and sector leads read.
 */

const name = z.string().trim().min(2).max(255);
const territoryIds = z.array(Id).max(200).refine((ids) => new Set(ids).size === ids.length, 'Территории повторяются');
const sectors = z.array(z.enum(SECTORS)).min(1).max(SECTORS.length).refine((s) => new Set(s).size === s.length, 'Направления повторяются');

/** A body as the administration screen sees it: the directory's fields plus its version and executors. */
export const AdminDepartmentDto = DepartmentDto.extend({ version: Version, executorIds: z.array(Id) });
export type AdminDepartmentDto = z.infer<typeof AdminDepartmentDto>;

export const AdminRoutingRuleDto = z.object({
  id: Id,
  sector: z.enum(SECTORS),
  categoryId: Id.nullable(),
  territoryId: Id.nullable(),
  departmentId: Id,
  version: Version,
});
export type AdminRoutingRuleDto = z.infer<typeof AdminRoutingRuleDto>;

/** A person holding the executor role, and the body they answer for (if any). */
export const ExecutorDto = z.object({ id: Id, login: z.string(), name: z.string(), departmentId: Id.nullable(), active: z.boolean() });
export type ExecutorDto = z.infer<typeof ExecutorDto>;

/** GET /api/routing/directory: everything the administration screen edits. */
export const DirectoryAdminDto = z.object({
  departments: z.array(AdminDepartmentDto),
  rules: z.array(AdminRoutingRuleDto),
  executors: z.array(ExecutorDto),
});
export type DirectoryAdminDto = z.infer<typeof DirectoryAdminDto>;

/** A new body; `code` is its stable latin identifier (ingest and integrations refer to it). */
export const CreateDepartmentInput = z.object({
  code: z.string().trim().min(2).max(100).regex(/^[a-z0-9_.-]+$/, 'Код: строчные латинские буквы, цифры, «_», «.», «-»'),
  name,
  kind: z.enum(DEPARTMENT_KINDS),
  sectors,
  territoryIds: territoryIds.default([]),
});
export type CreateDepartmentInput = z.input<typeof CreateDepartmentInput>;

/** Changes a body; deactivating (`active: false`) replaces deletion, so history keeps its name. */
export const UpdateDepartmentInput = z.object({
  version: Version,
  name: name.optional(),
  kind: z.enum(DEPARTMENT_KINDS).optional(),
  sectors: sectors.optional(),
  territoryIds: territoryIds.optional(),
  active: z.boolean().optional(),
});
export type UpdateDepartmentInput = z.input<typeof UpdateDepartmentInput>;

/** Makes a person (holding the executor role) one of the body's executors. */
export const AssignExecutorInput = z.object({ userId: Id });
export type AssignExecutorInput = z.infer<typeof AssignExecutorInput>;

export const RoutingRuleInput = z.object({
  sector: z.enum(SECTORS),
  categoryId: Id.nullable().default(null),
  territoryId: Id.nullable().default(null),
  departmentId: Id,
});
export type RoutingRuleInput = z.input<typeof RoutingRuleInput>;
export const UpdateRoutingRuleInput = RoutingRuleInput.extend({ version: Version });
export type UpdateRoutingRuleInput = z.input<typeof UpdateRoutingRuleInput>;
export const DeleteRoutingRuleQuery = z.object({ version: z.coerce.number().int().nonnegative() });

/** What the audit records about. */
export const AUDIT_ENTITIES = ['department', 'routing_rule', 'executor'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
export const AUDIT_ACTIONS = ['create', 'update', 'activate', 'deactivate', 'delete', 'assign', 'unassign'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One audited change, append-only: who, when, what it was before and after. */
export const AuditEntryDto = z.object({
  id: Id,
  at: z.string(),
  actor: UserRef.nullable(),
  entity: z.enum(AUDIT_ENTITIES),
  entityId: Id,
  action: z.enum(AUDIT_ACTIONS),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntryDto = z.infer<typeof AuditEntryDto>;

export const AuditQuery = z.object({
  entity: z.enum(AUDIT_ENTITIES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const AuditList = z.object({ entries: z.array(AuditEntryDto) });
export type AuditList = z.infer<typeof AuditList>;

/** GET /api/routing/suggest: the body the rules suggest for a sector, category and territory. */
export const RouteSuggestQuery = z.object({
  sector: z.enum(SECTORS),
  categoryId: z.coerce.number().int().positive().optional(),
  territoryId: z.coerce.number().int().positive().optional(),
});
export const RouteSuggestionDto = z.object({
  suggestion: z.object({ departmentId: Id, departmentName: z.string(), ruleId: Id.nullable(), match: z.enum(ROUTE_MATCHES) }).nullable(),
});
export type RouteSuggestionDto = z.infer<typeof RouteSuggestionDto>;
