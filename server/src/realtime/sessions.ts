import { tokenId } from '../features/auth/auth.service.js';
import { ROOMS, type OknoServer } from './types.js';

/**
 * Closes sockets whose authority changed: a session that logged out, or a person whose
 * department changed (their rooms were chosen at connection). Works across nodes through the
 * adapter. The web client then checks its session: signed out → the login page, else it
 * reconnects and joins the rooms it now belongs to.
 */
export interface SocketSessions {
  closeSession(token: string): void;
  reconnectUser(userId: number): void;
}

export function socketSessions(io: () => OknoServer | null): SocketSessions {
  return {
    closeSession: (token) => io()?.in(ROOMS.session(tokenId(token))).disconnectSockets(true),
    reconnectUser: (userId) => io()?.in(ROOMS.user(userId)).disconnectSockets(true),
  };
}
