import type { SavedViewDto } from '@okno/shared';
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { ApiError } from '../../api/http';
import { viewsApi } from '../../api/views.api';
import { useToasts } from '../../app/toasts';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../auth/auth.store';
import './collab.css';

export interface ViewsMenuApi {
  open: () => void;
}

interface Props {
  /** The queue's filters as an address search string ('' or '?…'). */
  currentQuery: string;
  /** Whether a view's query selects the same rows as the queue shows now. */
  isCurrent: (query: string) => boolean;
  onApply: (query: string) => void;
  ref?: (api: ViewsMenuApi) => void;
}

/**
 * Saved views of the queue: apply one, save the current filters as a personal or shared view,
 * delete one's own (a lead may also delete a shared one). A disclosure: the button opens the
 * list, Escape closes it and gives the focus back.
 */
export function ViewsMenu(props: Props) {
  const { t } = useI18n();
  const me = useMe();
  const toasts = useToasts();
  const [open, setOpen] = createSignal(false);
  const [views, setViews] = createSignal<readonly SavedViewDto[]>([]);
  const [failed, setFailed] = createSignal(false);
  // Until the first list arrives the menu says so, rather than "no views yet".
  const [loaded, setLoaded] = createSignal(false);
  const [name, setName] = createSignal('');
  const [shared, setShared] = createSignal(false);
  const [confirming, setConfirming] = createSignal<number | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  let root: HTMLDivElement | undefined;
  let button: HTMLButtonElement | undefined;
  let panel: HTMLDivElement | undefined;

  const load = () =>
    viewsApi.list().then(
      (list) => {
        setViews(list.views);
        setFailed(false);
        setLoaded(true);
      },
      () => {
        setFailed(true);
        setLoaded(true);
      },
    );
  const show = () => {
    setOpen(true);
    setConfirming(null);
    setError(null);
    // Focus the first view once the list is in (or the name field when there is none).
    void load().then(() => queueMicrotask(() => panel?.querySelector<HTMLElement>('button, input')?.focus()));
  };
  const hide = (refocus = true) => {
    setOpen(false);
    if (refocus) button?.focus();
  };
  onMount(() => props.ref?.({ open: show }));

  const closeOnOutside = (e: MouseEvent) => {
    if (open() && root && e.target instanceof Node && !root.contains(e.target)) hide(false);
  };
  document.addEventListener('mousedown', closeOnOutside);
  onCleanup(() => document.removeEventListener('mousedown', closeOnOutside));

  const apply = (view: SavedViewDto) => {
    props.onApply(view.query);
    hide();
  };
  const save = async () => {
    const viewName = name().trim();
    if (!viewName) return;
    try {
      const view = await viewsApi.create({ name: viewName, shared: shared(), query: props.currentQuery });
      setViews((list) => [view, ...list]);
      setName('');
      setShared(false);
      setError(null);
      toasts.push('info', t('collab.views.saved', view.name));
    } catch (e) {
      setError(e instanceof ApiError && e.message ? e.message : t('common.unknownError'));
    }
  };
  const remove = async (view: SavedViewDto) => {
    try {
      await viewsApi.remove(view.id);
      setViews((list) => list.filter((v) => v.id !== view.id));
      toasts.push('info', t('collab.views.deleted', view.name));
    } catch (e) {
      setError(e instanceof ApiError && e.message ? e.message : t('common.unknownError'));
    }
    setConfirming(null);
  };

  const group = (mine: boolean) => views().filter((v) => (v.owner.id === me.id) === mine);

  const ViewRow = (p: { view: SavedViewDto }) => (
    <li class="view-row" data-testid="view-item" data-view-id={p.view.id} classList={{ current: props.isCurrent(p.view.query) }}>
      <button type="button" class="view-apply" onClick={() => apply(p.view)} title={p.view.query || '—'}>
        {p.view.name}
        <Show when={props.isCurrent(p.view.query)}>
          <span class="muted"> · {t('collab.views.current')}</span>
        </Show>
        <Show when={p.view.shared && p.view.owner.id !== me.id}>
          <span class="muted view-owner">{t('collab.views.by', p.view.owner.name)}</span>
        </Show>
      </button>
      <Show when={p.view.canManage}>
        <Show
          when={confirming() === p.view.id}
          fallback={
            <button type="button" class="link view-delete" aria-label={t('collab.views.deleteTitle', p.view.name)} title={t('collab.views.deleteTitle', p.view.name)} onClick={() => setConfirming(p.view.id)}>
              ×
            </button>
          }
        >
          <button type="button" class="link danger" data-testid="view-delete-confirm" onClick={() => void remove(p.view)}>
            {t('collab.views.confirmDelete')}
          </button>
        </Show>
      </Show>
    </li>
  );

  return (
    <div class="views-menu" ref={root}>
      <button
        type="button"
        ref={button}
        data-testid="views-button"
        aria-expanded={open()}
        aria-haspopup="true"
        title={`${t('collab.views.title')} (v)`}
        onClick={() => (open() ? hide() : show())}
      >
        {t('collab.views.button')} ▾
      </button>
      <div
        class="popover views-panel"
        ref={panel}
        hidden={!open()}
        role="region"
        aria-label={t('collab.views.title')}
        data-testid="views-panel"
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          hide();
        }}
      >
        <Show when={failed()}>
          <p class="form-error">{t('collab.views.loadFailed')}</p>
        </Show>
        <Show when={views().length > 0} fallback={<p class="muted">{loaded() ? t('collab.views.empty') : t('collab.views.loading')}</p>}>
          <For each={[true, false]}>
            {(mine) => (
              <Show when={group(mine).length > 0}>
                <strong class="views-group">{mine ? t('collab.views.mine') : t('collab.views.shared')}</strong>
                <ul>
                  <For each={group(mine)}>{(view) => <ViewRow view={view} />}</For>
                </ul>
              </Show>
            )}
          </For>
        </Show>
        <form
          class="view-save"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <strong class="views-group">{t('collab.views.saveCurrent')}</strong>
          <Show when={props.currentQuery === ''}>
            <p class="muted">{t('collab.views.noFilters')}</p>
          </Show>
          <input
            type="text"
            maxLength={100}
            data-testid="view-name"
            aria-label={t('collab.views.name')}
            placeholder={t('collab.views.name')}
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <label class="view-shared">
            <input type="checkbox" data-testid="view-shared" checked={shared()} onChange={(e) => setShared(e.currentTarget.checked)} />{' '}
            {t('collab.views.sharedLabel')}
          </label>
          <Show when={error()}>{(message) => <p class="form-error">{message()}</p>}</Show>
          <button type="submit" data-testid="view-save" disabled={name().trim() === ''}>
            {t('collab.views.save')}
          </button>
        </form>
      </div>
    </div>
  );
}
