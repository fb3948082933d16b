import { useNavigate } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { useAuth, useMe } from '../features/auth/auth.store';
import { useItems } from '../features/items/items.store';
import { OnlineUsers } from '../features/presence/OnlineUsers';
import { ConnectionBadge } from '../features/realtime/ConnectionBadge';
import { LOCALES, useI18n } from '../i18n/i18n';

export function Header() {
  const { t, locale, setLocale } = useI18n();
  const auth = useAuth();
  const me = useMe();
  const items = useItems();
  const navigate = useNavigate();
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
      <ConnectionBadge />
      <Show when={items.outbox().length > 0}>
        <span class="outbox" data-testid="outbox-count" data-count={items.outbox().length}>
          {t('header.outbox', items.outbox().length)}
        </span>
      </Show>
      <div class="spacer" />
      <OnlineUsers />
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
