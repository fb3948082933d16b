import { Hello } from '@okno/shared';
import { createContext, createSignal, onCleanup, useContext, type Accessor, type ParentProps } from 'solid-js';
import { authApi } from '../../api/auth.api';
import { useAuth } from '../auth/auth.store';
import { ApiError } from '../../api/http';
import { openSocket, type OknoSocket } from '../../api/socket';

export type ConnectionState = 'connected' | 'reconnecting' | 'offline';

/** Failed reconnection attempts after which the header says "no connection" instead of "reconnecting". */
const OFFLINE_AFTER_ATTEMPTS = 3;

export interface Connection {
  socket: OknoSocket;
  state: Accessor<ConnectionState>;
  isOnline: () => boolean;
  /** Server time in ms; deadlines and ages use it, never the browser clock alone. */
  serverNow: () => number;
  /** Server time that ticks every 15 s, for ages shown in lists. */
  clock: Accessor<number>;
  /** Corrects the clock from a server timestamp (hello, snapshot). */
  syncClock: (serverIso: string) => void;
  /** Runs after every (re)connection; the returned function unsubscribes. */
  onConnected: (fn: () => void) => () => void;
}

const ConnectionContext = createContext<Connection>();

export function ConnectionProvider(props: ParentProps) {
  const auth = useAuth();
  const socket = openSocket();
  const [state, setState] = createSignal<ConnectionState>('reconnecting');
  // Not a signal: `clock` is the reactive face of server time; the offset itself is plumbing.
  let offset = 0;
  const [clock, setClock] = createSignal(Date.now());
  const listeners = new Set<() => void>();
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const serverNow = () => Date.now() + offset;
  const syncClock = (iso: string) => {
    const t = Date.parse(iso);
    if (!Number.isNaN(t)) offset = t - Date.now();
    setClock(serverNow());
  };
  const tick = setInterval(() => setClock(serverNow()), 15_000);

  const noteFailure = () => {
    failures += 1;
    setState(failures >= OFFLINE_AFTER_ATTEMPTS || !navigator.onLine ? 'offline' : 'reconnecting');
  };

  /** The server closed the door: find out whether the session is still valid before knocking again. */
  const checkSessionThenRetry = async () => {
    try {
      await authApi.me();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'unauthenticated') {
        auth.sessionLost();
        return;
      }
    }
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => socket.connect(), Math.min(10_000, 1000 * failures));
  };

  socket.on('connect', () => {
    failures = 0;
    setState('connected');
    for (const fn of listeners) fn();
  });
  socket.on('hello', (raw) => {
    const hello = Hello.safeParse(raw);
    if (hello.success) syncClock(hello.data.now);
  });
  socket.on('disconnect', (reason) => {
    if (reason === 'io client disconnect') return;
    noteFailure();
    if (reason === 'io server disconnect') void checkSessionThenRetry();
  });
  socket.on('connect_error', () => {
    noteFailure();
    // An inactive socket was refused by the server's middleware and will not retry by itself.
    if (!socket.active) void checkSessionThenRetry();
  });
  socket.io.on('reconnect_attempt', () => {
    if (!navigator.onLine) setState('offline');
  });

  // The browser knows first when the network is gone; drop the socket so actions go to the outbox.
  const goOffline = () => {
    setState('offline');
    socket.disconnect();
  };
  const goOnline = () => {
    setState('reconnecting');
    failures = 0;
    socket.connect();
  };
  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);

  if (navigator.onLine) socket.connect();
  else setState('offline');

  onCleanup(() => {
    clearInterval(tick);
    clearTimeout(retryTimer);
    window.removeEventListener('offline', goOffline);
    window.removeEventListener('online', goOnline);
    socket.removeAllListeners();
    socket.disconnect();
  });

  const connection: Connection = {
    socket,
    state,
    isOnline: () => socket.connected,
    serverNow,
    clock,
    syncClock,
    onConnected: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
  return <ConnectionContext.Provider value={connection}>{props.children}</ConnectionContext.Provider>;
}

export function useConnection(): Connection {
  const ctx = useContext(ConnectionContext);
  if (!ctx) throw new Error('useConnection outside ConnectionProvider');
  return ctx;
}
