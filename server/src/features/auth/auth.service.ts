import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError, type MeDto } from '@okno/shared';
import type { Em } from '../../db/orm.js';
import type { Actor } from './actor.js';
import { Session, User } from './user.entity.js';

const SESSION_DAYS = 14;
export const SESSION_COOKIE = 'okno_session';

export const hashPassword = (password: string): Promise<string> => hash(password);

/** The session's id: a hash of its token, so neither the table nor a room name holds the secret. */
export const tokenId = (token: string): string => createHash('sha256').update(token).digest('hex');

export function toActor(user: User, ip: string | null): Actor {
  return {
    id: user.id,
    login: user.login,
    name: user.name,
    roles: [...user.roles],
    departmentId: user.departmentId ?? null,
    sectors: [...user.sectors],
    ip,
  };
}

export function toMe(actor: Actor): MeDto {
  const { id, login, name, roles, departmentId, sectors } = actor;
  return { id, login, name, roles, departmentId, sectors };
}

/** Checks credentials and opens a session; the same message for an unknown login and a wrong password. */
export async function logIn(em: Em, login: string, password: string, ip: string | null) {
  const user = await em.findOne(User, { login, active: true });
  const ok = user ? await verify(user.passwordHash, password) : false;
  if (!user || !ok) throw new AppError('unauthenticated', 'Неверный логин или пароль');
  const token = randomBytes(32).toString('base64url');
  em.create(Session, {
    id: tokenId(token),
    userId: user.id,
    ip,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
  });
  await em.flush();
  return { token, actor: toActor(user, ip), maxAgeSeconds: SESSION_DAYS * 86_400 };
}

export async function logOut(em: Em, token: string): Promise<void> {
  await em.nativeDelete(Session, { id: tokenId(token) });
}

/** The actor behind a session token, or null when the token is unknown or expired. */
export async function actorForToken(em: Em, token: string, ip: string | null): Promise<Actor | null> {
  const session = await em.findOne(Session, { id: tokenId(token), expiresAt: { $gt: new Date() } });
  if (!session) return null;
  const user = await em.findOne(User, { id: session.userId, active: true });
  return user ? toActor(user, ip) : null;
}

/** Reads a cookie's value out of a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}
