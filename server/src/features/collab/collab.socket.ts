import { C2S_SCHEMAS } from '@okno/shared';
import type { AppDeps } from '../../http/context.js';
import { acked, socketMutation } from '../../realtime/handler.js';
import { ROOMS, type OknoServer, type OknoSocket } from '../../realtime/types.js';
import { runBulk } from '../bulk/bulk.service.js';
import { loadVisibleItem } from '../items/item-access.js';

/** A typist repeats every ~2 s; anything faster from one socket is dropped before the database. */
const TYPING_MIN_GAP_MS = 1000;

/** Typing indicator and bulk actions over the socket. */
export function registerCollabHandlers(io: OknoServer, socket: OknoSocket, deps: AppDeps): void {
  const actor = socket.data.actor;
  const lastTyping = new Map<string, number>();

  socket.on(
    'item:typing',
    acked(socket, deps.log, C2S_SCHEMAS['item:typing'], async ({ itemId, field }) => {
      const key = `${itemId}:${field}`;
      const now = Date.now();
      if (now - (lastTyping.get(key) ?? 0) < TYPING_MIN_GAP_MS) return null;
      // Invisible and missing items answer not_found, so typing cannot probe other departments.
      await loadVisibleItem(deps.orm.em.fork(), actor, itemId);
      lastTyping.set(key, now);
      // Ephemeral: to the item's viewers on every node, none of the typist's own tabs, never logged.
      io.to(ROOMS.viewing(itemId))
        .except(ROOMS.user(actor.id))
        .emit('presence:typing', { itemId, field, user: { id: actor.id, name: actor.name } });
      return null;
    }),
  );

  socket.on('item:bulk', socketMutation(socket, deps, C2S_SCHEMAS['item:bulk'], 'bulk', (input) => runBulk(deps, actor, input)));
}
