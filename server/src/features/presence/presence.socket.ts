import { C2S_SCHEMAS, type Presence, type UserRef } from '@okno/shared';
import type { AppDeps } from '../../http/context.js';
import { acked } from '../../realtime/handler.js';
import { ROOMS, type OknoServer, type OknoSocket } from '../../realtime/types.js';
import { loadVisibleItem } from '../items/item-access.js';

/** Distinct people among sockets (one person may have several tabs open). */
function people(sockets: { data: { actor?: { id: number; name: string } } }[]): UserRef[] {
  const byId = new Map<number, UserRef>();
  for (const s of sockets) if (s.data.actor) byId.set(s.data.actor.id, { id: s.data.actor.id, name: s.data.actor.name });
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

/** Nodes that have closed: nothing more goes out through their (closed) Redis adapter. */
const stopped = new WeakSet<OknoServer>();

/** Who is viewing an item now, across all nodes; ephemeral, never in the event log. */
export async function viewersOf(io: OknoServer, itemId: number): Promise<Presence> {
  return { itemId, viewers: people(await io.in(ROOMS.viewing(itemId)).fetchSockets()) };
}

async function announceViewers(io: OknoServer, itemId: number): Promise<Presence> {
  const presence = await viewersOf(io, itemId);
  // Presence carries only names; everyone who may see the queue may see who works on it.
  if (!stopped.has(io)) io.to(ROOMS.allItems).to(ROOMS.maskedItems).emit('presence:item', presence);
  return presence;
}

/** Tracks which item each socket has open, and tells everyone who is looking at what. */
export function registerPresenceHandlers(io: OknoServer, socket: OknoSocket, deps: AppDeps): void {
  socket.on(
    'item:view',
    acked(socket, deps.log, C2S_SCHEMAS['item:view'], async ({ itemId }) => {
      const previous = socket.data.viewing;
      if (itemId != null) await loadVisibleItem(deps.orm.em.fork(), socket.data.actor, itemId);
      if (previous != null && previous !== itemId) {
        await socket.leave(ROOMS.viewing(previous));
        socket.data.viewing = null;
        void announceViewers(io, previous).catch(() => undefined);
      }
      if (itemId == null) return null;
      await socket.join(ROOMS.viewing(itemId));
      socket.data.viewing = itemId;
      return announceViewers(io, itemId);
    }),
  );
  socket.on('disconnect', () => {
    const viewing = socket.data.viewing;
    if (viewing != null) void announceViewers(io, viewing).catch(() => undefined);
    scheduleOnlineAnnouncement(io);
  });
  scheduleOnlineAnnouncement(io);
}

const onlineTimers = new WeakMap<OknoServer, NodeJS.Timeout>();

/** Announces who is online, at most once a second per node however many sockets come and go. */
function scheduleOnlineAnnouncement(io: OknoServer): void {
  if (onlineTimers.has(io) || stopped.has(io)) return;
  const timer = setTimeout(() => {
    onlineTimers.delete(io);
    io.fetchSockets()
      .then((sockets) => {
        // The node may have closed while other nodes answered: its Redis client is gone.
        if (!stopped.has(io)) io.emit('presence:online', { users: people(sockets) });
      })
      .catch(() => undefined);
  }, 1000);
  timer.unref();
  onlineTimers.set(io, timer);
}

/**
 * Cancels a pending announcement and refuses new ones (sockets disconnecting during the close
 * would schedule them), so nothing runs against Redis after the node closes.
 */
export function stopPresence(io: OknoServer): void {
  stopped.add(io);
  clearTimeout(onlineTimers.get(io));
  onlineTimers.delete(io);
}
