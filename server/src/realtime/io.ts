import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { itemScopeFor } from '@okno/shared';
import type { RedisClientType } from 'redis';
import { Server } from 'socket.io';
import { actorForToken, cookieValue, SESSION_COOKIE, tokenId } from '../features/auth/auth.service.js';
import { currentSeq } from '../features/events/event-log.js';
import { registerSyncHandler } from '../features/events/events.socket.js';
import { registerCollabHandlers } from '../features/collab/collab.socket.js';
import { registerItemHandlers } from '../features/items/items.socket.js';
import { registerMeetingHandlers } from '../features/meetings/meetings.socket.js';
import { registerPresenceHandlers } from '../features/presence/presence.socket.js';
import type { AppDeps } from '../http/context.js';
import { ROOMS, type OknoServer, type OknoSocket } from './types.js';

function joinScopeRooms(socket: OknoSocket): void {
  const { roles, departmentId } = socket.data.actor;
  const scope = itemScopeFor(roles, departmentId);
  switch (scope.kind) {
    case 'all':
      void socket.join(scope.masked ? ROOMS.maskedItems : ROOMS.allItems);
      break;
    case 'department':
      if (scope.departmentId != null) void socket.join(ROOMS.department(scope.departmentId));
      break;
    case 'none':
      break;
    default: {
      const never: never = scope;
      throw new Error(`unknown scope ${String(never)}`);
    }
  }
}

/**
 * Socket.IO on the node's HTTP server. With Redis, rooms span all nodes through the
 * Redis adapter; connection-state recovery is off because the event log replaces it.
 */
export function createRealtime(
  httpServer: HttpServer,
  deps: AppDeps,
  redis: { pub: RedisClientType; sub: RedisClientType } | null,
): OknoServer {
  const io: OknoServer = new Server(httpServer, { serveClient: false, pingInterval: 10_000, pingTimeout: 8_000 });
  if (redis) io.adapter(createAdapter(redis.pub, redis.sub, { key: deps.config.OKNO_REDIS_PREFIX }));

  io.use(async (socket, next) => {
    const fromAuth = (socket.handshake.auth as { token?: unknown }).token;
    const token = typeof fromAuth === 'string' ? fromAuth : cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
    const forwarded = socket.handshake.headers['x-forwarded-for'];
    const trusted = deps.config.OKNO_TRUST_PROXY && typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
    const ip = trusted || socket.handshake.address;
    try {
      const actor = token ? await actorForToken(deps.orm.em.fork(), token, ip ?? null) : null;
      if (!actor) return next(Object.assign(new Error('unauthenticated'), { data: { code: 'unauthenticated', message: 'Войдите в систему' } }));
      socket.data.actor = actor;
      socket.data.viewing = null;
      socket.data.sessionId = tokenId(token!);
      next();
    } catch (e) {
      deps.log.error({ err: e }, 'socket auth failed');
      next(Object.assign(new Error('unavailable'), { data: { code: 'unavailable', message: 'Сервер недоступен' } }));
    }
  });

  io.on('connection', (socket) => {
    deps.metrics.sockets.inc();
    socket.on('disconnect', () => deps.metrics.sockets.dec());
    joinScopeRooms(socket);
    void socket.join(ROOMS.user(socket.data.actor.id));
    void socket.join(ROOMS.session(socket.data.sessionId));
    registerItemHandlers(socket, deps);
    registerSyncHandler(socket, deps);
    registerPresenceHandlers(io, socket, deps);
    registerMeetingHandlers(io, socket, deps);
    registerCollabHandlers(io, socket, deps);
    currentSeq(deps.orm.em.fork())
      .then((seq) => socket.emit('hello', { now: deps.clock().toISOString(), seq, nodeId: deps.config.NODE_ID }))
      .catch((e: unknown) => deps.log.error({ err: e }, 'hello failed'));
  });
  return io;
}
