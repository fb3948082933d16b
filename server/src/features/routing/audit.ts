import type { AuditAction, AuditEntity, AuditEntryDto, AuditList } from '@okno/shared';
import type { Em, Orm } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { AuditLog } from './entities.js';

export interface AuditChange {
  entity: AuditEntity;
  entityId: number;
  action: AuditAction;
  before: unknown;
  after: unknown;
}

/** Records a directory change inside the caller's transaction (flushed with it). */
export function recordAudit(em: Em, actor: Actor, change: AuditChange): void {
  em.create(AuditLog, {
    at: new Date(),
    actorId: actor.id,
    actorName: actor.name,
    entity: change.entity,
    entityId: change.entityId,
    action: change.action,
    before: change.before ?? null,
    after: change.after ?? null,
  });
}

function toAuditEntry(row: AuditLog): AuditEntryDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actorId != null ? { id: row.actorId, name: row.actorName ?? '' } : null,
    entity: row.entity,
    entityId: row.entityId,
    action: row.action,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}

/** The latest directory changes, newest first, optionally of one kind of entity. */
export async function listAudit(orm: Orm, entity: AuditEntity | undefined, limit: number): Promise<AuditList> {
  const rows = await orm.em.fork().find(AuditLog, entity ? { entity } : {}, { orderBy: { id: 'desc' }, limit });
  return { entries: rows.map(toAuditEntry) };
}
