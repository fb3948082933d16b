import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Role, Sector } from '@okno/shared';
import { timestamps } from '../../db/base.js';

export const User = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: p.integer().primary(),
    login: p.string().unique(),
    name: p.string(),
    passwordHash: p.string().hidden(),
    roles: p.array<Role>(),
    departmentId: p.integer().nullable(),
    sectors: p.array<Sector>(),
    active: p.boolean().default(true),
    ...timestamps,
    version: p.integer().version(),
  },
});
export type User = InferEntity<typeof User>;

export const Session = defineEntity({
  name: 'Session',
  tableName: 'app_session',
  properties: {
    /** sha256 of the cookie token: a database leak does not leak live sessions. */
    id: p.string().primary(),
    userId: p.integer().index(),
    ip: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime(),
  },
});
export type Session = InferEntity<typeof Session>;
