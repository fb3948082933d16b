import type { ClientToServerEvents, ServerToClientEvents } from '@okno/shared';
import type { Server, Socket } from 'socket.io';
import type { Actor } from '../features/auth/actor.js';

export interface SocketData {
  actor: Actor;
  /** The item this socket has open, for presence. */
  viewing: number | null;
  /** The session it authenticated with (hash of the token), so logging out can close it. */
  sessionId: string;
}

export type OknoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type OknoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Rooms a socket joins by what its person may see. */
export const ROOMS = {
  allItems: 'items:all',
  maskedItems: 'items:masked',
  department: (id: number) => `items:dept:${id}`,
  viewing: (itemId: number) => `view:${itemId}`,
  /** One person's sockets, for their notifications. */
  user: (userId: number) => `user:${userId}`,
  /** The sockets of one session, closed when it logs out. */
  session: (sessionId: string) => `session:${sessionId}`,
} as const;
