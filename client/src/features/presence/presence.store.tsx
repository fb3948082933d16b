import { OnlineUsers, Presence, type UserRef } from '@okno/shared';
import { createContext, createSignal, onCleanup, useContext, type Accessor, type ParentProps } from 'solid-js';
import { createStore } from 'solid-js/store';
import { emitView } from '../../api/socket';
import { useConnection } from '../realtime/connection';

export interface PresenceStore {
  online: Accessor<readonly UserRef[]>;
  viewersOf: (itemId: number) => readonly UserRef[];
  /** Declares the item this tab shows (null: none); repeated after every reconnect. */
  view: (itemId: number | null) => void;
}

const PresenceContext = createContext<PresenceStore>();
const NOBODY: readonly UserRef[] = [];

export function PresenceProvider(props: ParentProps) {
  const connection = useConnection();
  const { socket } = connection;
  const [online, setOnline] = createSignal<readonly UserRef[]>([]);
  const [viewers, setViewers] = createStore<Record<number, UserRef[]>>({});
  let viewing: number | null = null;

  const applyPresence = (p: Presence) => setViewers(p.itemId, p.viewers);

  socket.on('presence:item', (raw) => {
    const parsed = Presence.safeParse(raw);
    if (parsed.success) applyPresence(parsed.data);
  });
  socket.on('presence:online', (raw) => {
    const parsed = OnlineUsers.safeParse(raw);
    if (parsed.success) setOnline(parsed.data.users);
  });

  const announce = async (itemId: number | null) => {
    if (!connection.isOnline()) return;
    try {
      const ack = await emitView(socket, itemId);
      if (ack.ok && ack.data) applyPresence(ack.data);
    } catch {
      // Presence is best effort; the next reconnect announces again.
    }
  };
  const stop = connection.onConnected(() => void announce(viewing));
  onCleanup(stop);

  const store: PresenceStore = {
    online,
    viewersOf: (itemId) => viewers[itemId] ?? NOBODY,
    view: (itemId) => {
      if (itemId === viewing) return;
      viewing = itemId;
      void announce(itemId);
    },
  };
  return <PresenceContext.Provider value={store}>{props.children}</PresenceContext.Provider>;
}

export function usePresence(): PresenceStore {
  const ctx = useContext(PresenceContext);
  if (!ctx) throw new Error('usePresence outside PresenceProvider');
  return ctx;
}

/** "Иванова Анна" → "ИА": a compact mark for a queue row. */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}
