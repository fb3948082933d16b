import type { WallDto } from '@okno/shared';
import { createContext, createSignal, onCleanup, useContext, type Accessor, type ParentProps } from 'solid-js';
import { ApiError } from '../../api/http';
import { wallApi } from '../../api/wall.api';
import { useItems } from '../items/items.store';
import { useNotifications } from '../notifications/notifications.store';
import { useConnection } from '../realtime/connection';
import { Refetcher } from './refetcher';
import { changesWall } from './wall-model';

export type WallStatus = 'loading' | 'ready' | 'forbidden' | 'error';

export interface WallStore {
  wall: Accessor<WallDto | null>;
  status: Accessor<WallStatus>;
  /** The last fetch failed although earlier data is shown. */
  stale: Accessor<boolean>;
}

/**
 * docs/socket-events.md: the counts are server aggregates the replica cannot rebuild; refetch
 * about 1 s after the last count-changing event, at least every 5 s during a storm, and after
 * every reconnect. A slow timer also moves the hourly trend along when nothing happens.
 */
const DEBOUNCE_MS = 1000;
const MAX_WAIT_MS = 5000;
const IDLE_REFRESH_MS = 30_000;

const WallContext = createContext<WallStore>();

export function WallProvider(props: ParentProps) {
  const connection = useConnection();
  const items = useItems();
  const notifications = useNotifications();
  const [wall, setWall] = createSignal<WallDto | null>(null);
  const [status, setStatus] = createSignal<WallStatus>('loading');
  const [stale, setStale] = createSignal(false);
  const abort = new AbortController();
  // The event seq the shown counts reflect (plain: only the event filter below reads it).
  let shownSeq = -1;

  const refetcher = new Refetcher({
    run: async () => {
      try {
        const next = await wallApi.wall(abort.signal);
        // The wall's `now` is the server clock too: keep live deadline displays on it.
        connection.syncClock(next.now);
        shownSeq = next.seq;
        setWall(next);
        setStatus('ready');
        setStale(false);
      } catch (err) {
        if (abort.signal.aborted) return;
        if (err instanceof ApiError && err.code === 'forbidden') {
          setStatus('forbidden');
          refetcher.stop();
          return;
        }
        console.warn('wall fetch failed', err);
        if (wall() === null) setStatus('error');
        else setStale(true);
      }
    },
    delayMs: DEBOUNCE_MS,
    maxWaitMs: MAX_WAIT_MS,
    now: Date.now,
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });

  const stopEvents = items.onEvent((event) => {
    // An event the last answer already reflects changes nothing.
    if (changesWall(event) && event.seq > shownSeq) refetcher.request();
  });
  const stopNotifications = notifications.onNew(() => refetcher.request());
  const stopConnected = connection.onConnected(() => refetcher.runNow());
  const idle = setInterval(() => refetcher.request(), IDLE_REFRESH_MS);
  refetcher.runNow();

  onCleanup(() => {
    stopEvents();
    stopNotifications();
    stopConnected();
    clearInterval(idle);
    refetcher.stop();
    abort.abort();
  });

  const store: WallStore = { wall, status, stale };
  return <WallContext.Provider value={store}>{props.children}</WallContext.Provider>;
}

export function useWall(): WallStore {
  const ctx = useContext(WallContext);
  if (!ctx) throw new Error('useWall outside WallProvider');
  return ctx;
}
