import { ItemEvent, itemScopeFor, type ItemDto, type SyncResult } from '@okno/shared';
import { batch, createContext, createSignal, onCleanup, useContext, type Accessor, type ParentProps } from 'solid-js';
import { createStore, produce, reconcile } from 'solid-js/store';
import { ApiError } from '../../api/http';
import { itemsApi } from '../../api/items.api';
import { emitSync } from '../../api/socket';
import { useToasts } from '../../app/toasts';
import { useI18n } from '../../i18n/i18n';
import { useAuth, useMe } from '../auth/auth.store';
import { useConnection } from '../realtime/connection';
import { createFlashes } from './flashes';
import { createMutations, type ItemActions } from './mutations';
import type { OutboxEntry } from './outbox';
import { outboxKey } from './outbox-storage';
import { ItemReplica } from './replica';
import { ReplicaSync } from './replica-sync';

export type LoadStatus = 'loading' | 'ready' | 'error';

export interface ItemsStore {
  status: Accessor<LoadStatus>;
  /** One item, fine-grained (a panel re-renders only the fields that changed). */
  item: (id: number) => ItemDto | undefined;
  /** All items as plain objects for the table; refreshed every ROWS_REFRESH_MS or slower under load. */
  rows: Accessor<ItemDto[]>;
  /** A changing token while a row was recently changed by someone else, else null. */
  flashOf: (id: number) => number | null;
  outbox: Accessor<readonly OutboxEntry[]>;
  /**
   * Subscribes to applied events (in seq order, each once, plus the rare late one that carried
   * a newer item; consumers key by seq). Returns the unsubscriber.
   */
  onEvent: (fn: (event: ItemEvent) => void) => () => void;
  /** Takes an item fetched on its own (a direct link to an item outside the snapshot). */
  adopt: (item: ItemDto) => void;
  reload: () => void;
  actions: ItemActions;
}

/** Rebuilding and re-sorting 10,000 rows per event would stall a burst; the table catches up in steps. */
const ROWS_REFRESH_MS = 200;
const ROWS_REFRESH_MAX_MS = 1000;

const ItemsContext = createContext<ItemsStore>();

export function ItemsProvider(props: ParentProps) {
  const connection = useConnection();
  const auth = useAuth();
  const me = useMe();
  const toasts = useToasts();
  const { t } = useI18n();
  const scope = itemScopeFor(me.roles, me.departmentId);
  // The server sends an executor the event that routes an item away; the replica lets it go.
  const replica = new ItemReplica(
    scope.kind === 'department' ? (item) => item.departmentId !== null && item.departmentId === scope.departmentId : undefined,
  );
  const flashes = createFlashes(2000);
  const listeners = new Set<(event: ItemEvent) => void>();
  const [state, setState] = createStore<{ byId: Record<number, ItemDto> }>({ byId: {} });
  const [status, setStatus] = createSignal<LoadStatus>('loading');
  const [rows, setRows] = createSignal<ItemDto[]>([]);

  let rowsTimer: ReturnType<typeof setTimeout> | undefined;
  let rowsAt = 0;
  let rowsGap = ROWS_REFRESH_MS;
  const scheduleRows = () => {
    if (rowsTimer !== undefined) return;
    rowsTimer = setTimeout(() => {
      rowsTimer = undefined;
      const started = performance.now();
      setRows(replica.views()); // re-sorts and re-renders synchronously
      const cost = performance.now() - started;
      performance.measure('okno:rows', { start: started, duration: cost });
      // Spend at most about a fifth of the time rebuilding the table, however slow the machine.
      rowsGap = Math.min(ROWS_REFRESH_MAX_MS, Math.max(ROWS_REFRESH_MS, cost * 5));
      rowsAt = Date.now();
    }, Math.max(0, rowsAt + rowsGap - Date.now()));
  };

  // The store gets its own copies: reconcile mutates what it holds, and the replica's
  // confirmed objects must stay untouched for rollbacks.
  const refresh = (ids: Iterable<number>) => {
    batch(() => {
      for (const id of ids) {
        const view = replica.view(id);
        if (view) setState('byId', id, reconcile(structuredClone(view), { key: 'id' }));
        else if (id in state.byId) setState('byId', produce((byId) => delete byId[id]));
      }
    });
    scheduleRows();
  };

  let loadedOnce = false;
  const sync = new ReplicaSync({
    fetchSnapshot: () => itemsApi.snapshot(),
    sync: async (sinceSeq): Promise<SyncResult> => {
      const ack = await emitSync(connection.socket, sinceSeq);
      if (!ack.ok) throw new ApiError(ack.error.code, ack.error.message, 0);
      return ack.data;
    },
    onSnapshot: (snapshot) => {
      connection.syncClock(snapshot.now);
      replica.replaceAll(snapshot.items);
      const views = replica.views();
      const byId: Record<number, ItemDto> = {};
      for (const view of views) byId[view.id] = structuredClone(view);
      setState('byId', reconcile(byId, { key: 'id' }));
      setRows(views);
      if (loadedOnce) toasts.push('info', t('toast.reloaded'));
      loadedOnce = true;
      setStatus('ready');
    },
    onEvents: (events) => {
      const changed = new Set<number>();
      for (const event of events) {
        if (replica.upsert(event.item)) changed.add(event.itemId);
        if (event.actor?.id !== me.id) flashes.flash(event.itemId);
        for (const fn of listeners) fn(event);
      }
      refresh(changed);
    },
    onLate: (event) => {
      // Version-guarded: a duplicate changes nothing; a genuinely late change is kept.
      if (!replica.upsert(event.item)) return;
      if (event.actor?.id !== me.id) flashes.flash(event.itemId);
      for (const fn of listeners) fn(event);
      refresh([event.itemId]);
    },
    onError: (error) => {
      console.warn('replica sync failed', error);
      if (!loadedOnce) setStatus('error');
    },
    isOnline: connection.isOnline,
    now: Date.now,
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });

  const mutations = createMutations({
    socket: connection.socket,
    isOnline: connection.isOnline,
    me: { id: me.id, name: me.name },
    replica,
    refresh,
    notify: toasts.push,
    onUnauthenticated: auth.sessionLost,
    t,
    storageKey: outboxKey(me.id),
  });

  connection.socket.on('item:event', (raw) => {
    const parsed = ItemEvent.safeParse(raw);
    if (parsed.success) sync.receive(parsed.data);
    else console.warn('malformed item:event', parsed.error);
  });
  const stopConnected = connection.onConnected(() => {
    void sync.catchUp();
    void mutations.outbox.flush();
  });
  void sync.load();

  onCleanup(() => {
    stopConnected();
    sync.stop();
    clearTimeout(rowsTimer);
    connection.socket.off('item:event');
  });

  const store: ItemsStore = {
    status,
    item: (id) => state.byId[id],
    rows,
    flashOf: flashes.tokenOf,
    outbox: mutations.pending,
    onEvent: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    adopt: (item) => {
      if (replica.upsert(item)) refresh([item.id]);
    },
    reload: () => {
      setStatus('loading');
      void sync.load();
    },
    actions: mutations.actions,
  };
  return <ItemsContext.Provider value={store}>{props.children}</ItemsContext.Provider>;
}

export function useItems(): ItemsStore {
  const ctx = useContext(ItemsContext);
  if (!ctx) throw new Error('useItems outside ItemsProvider');
  return ctx;
}
