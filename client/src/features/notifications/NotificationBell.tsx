import { createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js';
import { useI18n } from '../../i18n/i18n';
import { useNotifications } from './notifications.store';

/** The header's notification centre: unread count, the latest notifications, mark read, jump to the item. */
export function NotificationBell() {
  const { t, formatTime, formatDateTime } = useI18n();
  const notifications = useNotifications();
  const [open, setOpen] = createSignal(false);
  let root: HTMLDivElement | undefined;

  const closeOnOutside = (e: MouseEvent) => {
    if (open() && root && e.target instanceof Node && !root.contains(e.target)) setOpen(false);
  };
  const closeOnEscape = (e: KeyboardEvent) => {
    if (open() && e.key === 'Escape') {
      e.preventDefault();
      setOpen(false);
    }
  };
  document.addEventListener('mousedown', closeOnOutside);
  document.addEventListener('keydown', closeOnEscape);
  onCleanup(() => {
    document.removeEventListener('mousedown', closeOnOutside);
    document.removeEventListener('keydown', closeOnEscape);
  });

  return (
    <div class="notif" ref={root}>
      <button
        type="button"
        class="bell"
        data-testid="notification-bell"
        aria-expanded={open()}
        aria-label={t('notifications.open', notifications.unread())}
        title={t('notifications.open', notifications.unread())}
        onClick={() => setOpen((v) => !v)}
      >
        <svg class="bell-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        <span class="bell-count" data-testid="notification-count" data-count={notifications.unread()} hidden={notifications.unread() === 0}>
          {notifications.unread() > 99 ? '99+' : notifications.unread()}
        </span>
      </button>
      <div class="popover notif-panel" hidden={!open()} role="region" aria-label={t('notifications.title')}>
        <div class="notif-head">
          <strong>{t('notifications.title')}</strong>
          <button
            type="button"
            class="link"
            data-testid="notification-mark-all"
            disabled={notifications.unread() === 0}
            onClick={() => notifications.markAllRead()}
          >
            {t('notifications.markAllRead')}
          </button>
        </div>
        <Switch>
          <Match when={notifications.systemPermission() === 'default'}>
            <button type="button" class="link notif-permission" data-testid="notification-permission" onClick={() => notifications.askSystemPermission()}>
              {t('notifications.enableBrowser')}
            </button>
          </Match>
          <Match when={notifications.systemPermission() === 'denied'}>
            <p class="muted notif-permission">{t('notifications.browserDenied')}</p>
          </Match>
        </Switch>
        <Show when={notifications.failed()}>
          <p class="form-error">{t('notifications.loadFailed')}</p>
        </Show>
        <Show when={notifications.list().length > 0} fallback={<p class="muted">{t('notifications.empty')}</p>}>
          <ul class="notif-list">
            <For each={notifications.list()}>
              {(n) => (
                <li
                  class="notif-item"
                  classList={{ unread: n.readAt === null }}
                  data-testid="notification-item"
                  data-item-id={n.itemId ?? undefined}
                  data-kind={n.kind}
                  data-read={n.readAt !== null}
                >
                  <button
                    type="button"
                    class="notif-open"
                    onClick={() => {
                      setOpen(false);
                      notifications.open(n);
                    }}
                  >
                    <span class="notif-meta">
                      <span class={`notif-kind notif-kind-${n.kind}`}>{t(`notifications.kind.${n.kind}`)}</span>
                      <time dateTime={n.createdAt} title={formatDateTime(n.createdAt)}>
                        {formatTime(n.createdAt)}
                      </time>
                    </span>
                    <span class="notif-text">{n.text}</span>
                  </button>
                  <Show when={n.readAt === null}>
                    <button type="button" class="link notif-read" onClick={() => notifications.markRead([n.id])}>
                      {t('notifications.markRead')}
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>
    </div>
  );
}
