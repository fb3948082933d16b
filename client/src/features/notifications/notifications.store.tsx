import { NotificationDto } from '@okno/shared';
import { useLocation, useNavigate } from '@solidjs/router';
import { createContext, createMemo, createSignal, onCleanup, useContext, type Accessor, type ParentProps } from 'solid-js';
import { notificationsApi } from '../../api/notifications.api';
import { useI18n } from '../../i18n/i18n';
import { useConnection } from '../realtime/connection';
import {
  EMPTY_NOTIFICATIONS,
  KEPT,
  unreadCount,
  withFetched,
  withLive,
  withRead,
  withServerUnread,
  type NotificationState,
} from './notification-state';
import { requestSystemPermission, showSystemNotification, systemPermission, type SystemPermission } from './system-notifications';

export interface NotificationsStore {
  /** Newest first. */
  list: Accessor<readonly NotificationDto[]>;
  unread: Accessor<number>;
  failed: Accessor<boolean>;
  markRead: (ids: readonly number[]) => void;
  markAllRead: () => void;
  /** Subscribes to notifications pushed live; returns the unsubscriber. */
  onNew: (fn: (n: NotificationDto) => void) => () => void;
  systemPermission: Accessor<SystemPermission>;
  askSystemPermission: () => void;
  /** Where a notification leads: its item in the queue. */
  open: (n: NotificationDto) => void;
}

const NotificationsContext = createContext<NotificationsStore>();

/**
 * The person's notifications: the server's list (fetched at start and after every reconnect,
 * so nothing sent while offline is missed) plus `notification:new` pushed to `user:<id>`.
 */
export function NotificationsProvider(props: ParentProps) {
  const connection = useConnection();
  const navigate = useNavigate();
  const location = useLocation();
  const { t } = useI18n();
  const [state, setState] = createSignal<NotificationState>(EMPTY_NOTIFICATIONS);
  const [failed, setFailed] = createSignal(false);
  const [permission, setPermission] = createSignal<SystemPermission>(systemPermission());
  const listeners = new Set<(n: NotificationDto) => void>();
  let fetchNo = 0;

  const fetchList = async () => {
    const mine = ++fetchNo;
    try {
      const list = await notificationsApi.list(KEPT);
      if (mine !== fetchNo) return; // a newer fetch is under way
      setState((s) => withFetched(s, list));
      setFailed(false);
    } catch (err) {
      console.warn('notifications fetch failed', err);
      if (mine === fetchNo) setFailed(true);
    }
  };

  const open = (n: NotificationDto) => {
    if (n.readAt === null) markRead([n.id]);
    if (n.itemId === null) return;
    // From the queue, the queue's filters stay; from elsewhere the item opens over the whole queue.
    const onQueue = ['/', '/queue'].includes(location.pathname) || location.pathname.startsWith('/items/');
    navigate(`/items/${n.itemId}${onQueue ? location.search : ''}`);
  };

  const markRead = (ids: readonly number[]) => {
    if (ids.length === 0) return;
    setState((s) => withRead(s, ids, new Date(connection.serverNow()).toISOString()));
    notificationsApi.markRead(ids).then(
      (res) => setState((s) => withServerUnread(s, res.unread)),
      () => void fetchList(),
    );
  };
  const markAllRead = () => {
    setState((s) => withRead(s, null, new Date(connection.serverNow()).toISOString()));
    notificationsApi.markRead().then(
      (res) => setState((s) => withServerUnread(s, res.unread)),
      () => void fetchList(),
    );
  };

  connection.socket.on('notification:new', (raw) => {
    const parsed = NotificationDto.safeParse(raw);
    if (!parsed.success) {
      console.warn('malformed notification:new', parsed.error);
      return;
    }
    const n = parsed.data;
    setState((s) => withLive(s, n));
    for (const fn of listeners) fn(n);
    showSystemNotification({
      tag: `okno-notification-${n.id}`,
      title: n.itemId === null ? t(`notifications.kind.${n.kind}`) : `${t(`notifications.kind.${n.kind}`)} · ${t('notifications.item', n.itemId)}`,
      body: n.text,
      onClick: () => open(n),
    });
  });
  const stopConnected = connection.onConnected(() => void fetchList());
  void fetchList();
  onCleanup(() => {
    stopConnected();
    connection.socket.off('notification:new');
  });

  const list = createMemo(() => state().items);
  const unread = createMemo(() => unreadCount(state()));
  const store: NotificationsStore = {
    list,
    unread,
    failed,
    markRead,
    markAllRead,
    onNew: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    systemPermission: permission,
    askSystemPermission: () => void requestSystemPermission().then(setPermission),
    open,
  };
  return <NotificationsContext.Provider value={store}>{props.children}</NotificationsContext.Provider>;
}

export function useNotifications(): NotificationsStore {
  const ctx = useContext(NotificationsContext);
  if (!ctx) throw new Error('useNotifications outside NotificationsProvider');
  return ctx;
}
