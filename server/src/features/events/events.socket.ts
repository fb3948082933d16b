import { C2S_SCHEMAS } from '@okno/shared';
import type { AppDeps } from '../../http/context.js';
import { acked } from '../../realtime/handler.js';
import type { OknoSocket } from '../../realtime/types.js';
import { syncSince } from './sync.js';

/** Replay for a (re)connecting client: what it missed since its last seq. */
export function registerSyncHandler(socket: OknoSocket, deps: AppDeps): void {
  socket.on('sync', acked(socket, deps.log, C2S_SCHEMAS.sync, (i) => syncSince(deps.orm, socket.data.actor, i.sinceSeq, deps.config.OKNO_MAX_REPLAY)));
}
