import type { Clock } from '../../clock.js';
import type { OknoServer } from '../../realtime/types.js';

/** Tells every connected person that the directory changed, so their copy (names, routes) is refetched. */
export interface DirectoryBroadcast {
  changed(byUserId: number): void;
}

/** Over this node's Socket.IO server; with the Redis adapter the emit reaches every node. */
export function socketDirectoryBroadcast(io: () => OknoServer | null, clock: Clock): DirectoryBroadcast {
  return {
    changed(byUserId) {
      io()?.emit('directory:changed', { at: clock().toISOString(), byUserId });
    },
  };
}
