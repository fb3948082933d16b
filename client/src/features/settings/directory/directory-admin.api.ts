import {
  AuditList,
  DirectoryAdminDto,
  type AuditEntity,
  type CreateDepartmentInput,
  type RoutingRuleInput,
  type UpdateDepartmentInput,
  type UpdateRoutingRuleInput,
} from '@okno/shared';
import { request } from '../../../api/http';

/** The directory's administration (/api/routing): every change answers the directory as it now stands. */
export const directoryAdminApi = {
  load: (signal?: AbortSignal) => request('GET', '/api/routing/directory', DirectoryAdminDto, { signal }),
  audit: (entity: AuditEntity | null, limit = 100, signal?: AbortSignal) =>
    request('GET', `/api/routing/audit?limit=${limit}${entity ? `&entity=${entity}` : ''}`, AuditList, { signal }),
  createDepartment: (body: CreateDepartmentInput) => request('POST', '/api/routing/departments', DirectoryAdminDto, { body }),
  updateDepartment: (id: number, body: UpdateDepartmentInput) => request('PATCH', `/api/routing/departments/${id}`, DirectoryAdminDto, { body }),
  assignExecutor: (departmentId: number, userId: number) =>
    request('POST', `/api/routing/departments/${departmentId}/executors`, DirectoryAdminDto, { body: { userId } }),
  unassignExecutor: (departmentId: number, userId: number) =>
    request('DELETE', `/api/routing/departments/${departmentId}/executors/${userId}`, DirectoryAdminDto),
  createRule: (body: RoutingRuleInput) => request('POST', '/api/routing/rules', DirectoryAdminDto, { body }),
  updateRule: (id: number, body: UpdateRoutingRuleInput) => request('PUT', `/api/routing/rules/${id}`, DirectoryAdminDto, { body }),
  deleteRule: (id: number, version: number) => request('DELETE', `/api/routing/rules/${id}?version=${version}`, DirectoryAdminDto),
};
