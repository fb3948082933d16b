import { useLocation, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../auth/auth.store';
import { isLead } from '../items/ladder';
import { ConnectionBadge } from '../realtime/ConnectionBadge';
import { useConnection } from '../realtime/connection';
import { enterFullscreen, exitFullscreen, useScreenAwake } from './projector';
import { WallMatrix } from './WallMatrix';
import { WallProvider, useWall } from './wall.store';
import { WallTile } from './WallTile';
import { isProjector, type SectorKey } from './wall-model';

/** The head's wall: live tiles per sector and the sector × territory matrix, scoped by the server. */
export function WallPage() {
  const location = useLocation();
  const projector = () => isProjector(location.search);
  return (
    <WallProvider>
      <Show when={projector()} keyed fallback={<WallView projector={false} />}>
        <ProjectorView />
      </Show>
    </WallProvider>
  );
}

/** Full screen (when the browser allows), large type, dark, awake; nothing to click. */
function ProjectorView() {
  enterFullscreen();
  useScreenAwake();
  return <WallView projector />;
}

function WallView(props: { projector: boolean }) {
  const { t, formatTime } = useI18n();
  const me = useMe();
  const store = useWall();
  const navigate = useNavigate();
  const connection = useConnection();
  const [fullscreen, setFullscreen] = createSignal(document.fullscreenElement !== null);
  const onFullscreen = () => setFullscreen(document.fullscreenElement !== null);
  document.addEventListener('fullscreenchange', onFullscreen);
  onCleanup(() => document.removeEventListener('fullscreenchange', onFullscreen));

  const sectors = createMemo(() => store.wall()?.tiles.map((tile) => tile.sector) ?? [], [], {
    equals: (a, b) => a.length === b.length && a.every((s, i) => s === b[i]),
  });
  const tileOf = (sector: SectorKey) => store.wall()?.tiles.find((tile) => tile.sector === sector);
  const scopeLabel = () => {
    const wall = store.wall();
    if (!wall) return '';
    switch (wall.scope) {
      case 'all':
        return t('wall.scope.all');
      case 'sectors':
        return t('wall.scope.sectors', (wall.sectors ?? []).map((s) => t(`sector.${s}`)).join(', '));
      case 'escalated':
        return t('wall.scope.escalated');
      case 'mixed':
        return t('wall.scope.mixed');
      default: {
        const never: never = wall.scope;
        throw new Error(`unknown wall scope ${String(never)}`);
      }
    }
  };
  const live = () => connection.state() === 'connected' && !store.stale();

  return (
    <div class="wall" classList={{ projector: props.projector }} data-testid="wall" data-status={store.status()}>
      <header class="wall-head">
        <h1>{t('wall.title')}</h1>
        <Show when={store.wall()}>
          {(wall) => (
            <>
              <span class="wall-scope" data-testid="wall-scope" data-scope={wall().scope}>
                {scopeLabel()}
              </span>
              <span class="wall-updated" classList={{ stale: !live() }} data-testid="wall-updated" data-seq={wall().seq}>
                {t('wall.updated', formatTime(wall().now))}
              </span>
            </>
          )}
        </Show>
        <div class="spacer" />
        <Show
          when={props.projector}
          fallback={
            <button
              type="button"
              data-testid="projector-button"
              onClick={() => {
                enterFullscreen();
                navigate('/wall?projector=1');
              }}
            >
              {t('wall.projector')}
            </button>
          }
        >
          <ConnectionBadge />
          <Show when={!fullscreen() && document.fullscreenEnabled}>
            <button type="button" class="wall-quiet" data-testid="fullscreen-button" onClick={() => enterFullscreen()}>
              {t('wall.fullscreen')}
            </button>
          </Show>
          <button
            type="button"
            class="wall-quiet"
            data-testid="projector-exit"
            onClick={() => {
              exitFullscreen();
              navigate('/wall');
            }}
          >
            {t('wall.exitProjector')}
          </button>
        </Show>
      </header>
      <Switch>
        <Match when={store.status() === 'loading'}>
          <p class="page-note">{t('wall.loading')}</p>
        </Match>
        <Match when={store.status() === 'forbidden'}>
          <p class="page-note">{t('wall.forbidden')}</p>
        </Match>
        <Match when={store.status() === 'error'}>
          <p class="page-note">{t('wall.failed')}</p>
        </Match>
        <Match when={store.wall()}>
          {(wall) => (
            <div class="wall-body">
              <div class="wall-tiles">
                <For each={sectors()}>
                  {(sector) => (
                    <Show when={tileOf(sector)}>
                      {(tile) => <WallTile sector={sector} tile={tile()} trendStart={wall().trendStart} showEscalated={isLead(me)} />}
                    </Show>
                  )}
                </For>
              </div>
              <WallMatrix wall={wall()} />
            </div>
          )}
        </Match>
      </Switch>
    </div>
  );
}
