import type { ImportProgress } from '@okno/shared';
import { ROOMS, type OknoServer } from '../../realtime/types.js';

/** Tells a person how far their import run has got (room `user:<id>`, on every node). */
export interface ImportProgressPublisher {
  send(userId: number, progress: ImportProgress): void;
}

/** Progress over this node's Socket.IO server (resolved lazily: it exists after the HTTP server). */
export function socketImportProgress(io: () => OknoServer | null): ImportProgressPublisher {
  return {
    send(userId, progress) {
      io()?.to(ROOMS.user(userId)).emit('import:progress', progress);
    },
  };
}
