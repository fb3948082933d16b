import { A, useLocation, useNavigate } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { useAuth, useMe } from '../features/auth/auth.store';
import { useItems } from '../features/items/items.store';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { OnlineUsers } from '../features/presence/OnlineUsers';
import { ConnectionBadge } from '../features/realtime/ConnectionBadge';
import { hasWall } from '../features/wall/wall-model';
import { canEditSettings } from '../features/settings/settings-model';
import { canReadDirectoryAdmin } from '@okno/shared';
import { canReadTemplates, canWorkQueue } from '@okno/shared';
import { LOCALES, useI18n } from '../i18n/i18n';
import { useMeetingsText } from '../features/meetings/meetings.i18n';

export function Header() {
  const { t, locale, setLocale } = useI18n();
  const meetingsText = useMeetingsText();
  const auth = useAuth();
  const me = useMe();
  const items = useItems();
  const navigate = useNavigate();
  const location = useLocation();
  const onQueue = () => ['/', '/queue'].includes(location.pathname) || location.pathname.startsWith('/items/');
  const logout = async () => {
    await auth.logout().catch(() => undefined);
    navigate('/login');
  };

  return (
    <header class="topbar">
      <div class="brand">
        <strong>{t('app.name')}</strong>
        <span class="muted">{t('app.subtitle')}</span>
      </div>
      <nav class="nav" aria-label={t('nav.label')}>
        {/* The queue's own paths all count as "the queue" for the highlight. */}
        <A href="/queue" class="nav-link" activeClass="current" classList={{ active: onQueue() }} data-testid="nav-queue">
          {t('nav.queue')}
        </A>
        <Show when={hasWall(me.roles)}>
          <A href="/wall" class="nav-link" activeClass="active" end data-testid="nav-wall">
            {t('nav.wall')}
          </A>
        </Show>
        <A href="/meetings" class="nav-link" activeClass="active" data-testid="nav-meetings">
          {meetingsText().nav}
        </A>
        <Show when={canEditSettings(me.roles)}>
          <A href="/settings/deadlines" class="nav-link" activeClass="active" data-testid="nav-settings">
            {t('settings.nav')}
          </A>
        </Show>
        <Show when={canReadDirectoryAdmin(me.roles)}>
          <A href="/settings/directory" class="nav-link" activeClass="active" data-testid="nav-directory">
            {t('directoryAdmin.nav')}
          </A>
        </Show>
        <Show when={canReadTemplates(me.roles)}>
          <A href="/settings/templates" class="nav-link" activeClass="active" data-testid="nav-templates">
            {t('templates.nav')}
          </A>
        </Show>
        <Show when={canWorkQueue(me.roles)}>
          <A href="/import" class="nav-link" activeClass="active" data-testid="nav-import">
            {t('importing.nav')}
          </A>
        </Show>
      </nav>
      <ConnectionBadge />
      <Show when={items.outbox().length > 0}>
        <span class="outbox" data-testid="outbox-count" data-count={items.outbox().length}>
          {t('header.outbox', items.outbox().length)}
        </span>
      </Show>
      <div class="spacer" />
      <OnlineUsers />
      <NotificationBell />
      <div class="user" data-testid="current-user">
        <span class="user-name">{me.name}</span>
        <span class="muted user-roles">{me.roles.map((r) => t(`role.${r}`)).join(', ')}</span>
      </div>
      <div class="lang" role="group" aria-label={t('header.language')}>
        <For each={LOCALES}>
          {(l) => (
            <button type="button" classList={{ active: locale() === l }} aria-pressed={locale() === l} onClick={() => setLocale(l)}>
              {l.toUpperCase()}
            </button>
          )}
        </For>
      </div>
      <button type="button" data-testid="logout-button" onClick={() => void logout()}>
        {t('header.logout')}
      </button>
    </header>
  );
}
