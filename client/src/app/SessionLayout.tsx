import { Navigate, useLocation, type RouteSectionProps } from '@solidjs/router';
import { Match, Switch } from 'solid-js';
import { useAuth } from '../features/auth/auth.store';
import { DirectoryProvider } from '../features/directory/directory.store';
import { ItemsProvider } from '../features/items/items.store';
import { QueuePage } from '../features/items/queue/QueuePage';
import { PresenceProvider } from '../features/presence/presence.store';
import { ConnectionProvider } from '../features/realtime/connection';
import { useI18n } from '../i18n/i18n';
import { Header } from './Header';

/**
 * Everything that needs a signed-in user. A new sign-in builds a fresh socket, replica and
 * outbox; signing out disposes them (the socket closes in cleanup).
 */
export function SessionLayout(props: RouteSectionProps) {
  const auth = useAuth();
  const location = useLocation();
  const { t } = useI18n();
  return (
    <Switch>
      <Match when={auth.me() === undefined}>
        <p class="splash">{t('common.loading')}</p>
      </Match>
      <Match when={auth.me() === null}>
        <Navigate href={`/login?next=${encodeURIComponent(location.pathname)}`} />
      </Match>
      {/* Sign-out always passes through null, so a new sign-in mounts everything afresh. */}
      <Match when={auth.me()}>
        <ConnectionProvider>
          <DirectoryProvider>
            <PresenceProvider>
              <ItemsProvider>
                <div class="app">
                  <Header />
                  <main class="workspace">
                    <QueuePage />
                    {props.children}
                  </main>
                </div>
              </ItemsProvider>
            </PresenceProvider>
          </DirectoryProvider>
        </ConnectionProvider>
      </Match>
    </Switch>
  );
}
