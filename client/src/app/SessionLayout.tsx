import { Navigate, useLocation, type RouteSectionProps } from '@solidjs/router';
import { createMemo, Match, Show, Switch } from 'solid-js';
import { useAuth } from '../features/auth/auth.store';
import { DirectoryProvider } from '../features/directory/directory.store';
import { ItemsProvider } from '../features/items/items.store';
import { QueuePage } from '../features/items/queue/QueuePage';
import { MeetingNotices } from '../features/meetings/MeetingNotices';
import { NotificationsProvider } from '../features/notifications/notifications.store';
import { PresenceProvider } from '../features/presence/presence.store';
import { ConnectionProvider } from '../features/realtime/connection';
import { isProjector } from '../features/wall/wall-model';
import { WallPage } from '../features/wall/WallPage';
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
  // The queue stays mounted while moving between "/queue" and "/items/:id".
  const onWall = createMemo(() => location.pathname === '/wall');
  const onMeetings = createMemo(() => location.pathname.startsWith('/meetings'));
  const onSettings = createMemo(() => location.pathname.startsWith('/settings'));
  const onImport = createMemo(() => location.pathname === '/import');
  const projector = createMemo(() => onWall() && isProjector(location.search));
  return (
    <Switch>
      <Match when={auth.me() === undefined}>
        <p class="splash">{t('common.loading')}</p>
      </Match>
      <Match when={auth.me() === null}>
        <Navigate href={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} />
      </Match>
      {/* Sign-out always passes through null, so a new sign-in mounts everything afresh. */}
      <Match when={auth.me()}>
        <ConnectionProvider>
          <DirectoryProvider>
            <PresenceProvider>
              <ItemsProvider>
                <NotificationsProvider>
                  <div class="app" classList={{ 'app-projector': projector() }}>
                    {/* The projector shows the wall alone; it carries its own connection badge. */}
                    <Show when={!projector()}>
                      <Header />
                    </Show>
                    <MeetingNotices />
                    <main class="workspace">
                      <Show when={onWall()} fallback={<Show when={!onMeetings() && !onSettings() && !onImport()}><QueuePage /></Show>}>
                        <WallPage />
                      </Show>
                      {props.children}
                    </main>
                  </div>
                </NotificationsProvider>
              </ItemsProvider>
            </PresenceProvider>
          </DirectoryProvider>
        </ConnectionProvider>
      </Match>
    </Switch>
  );
}
