import type { SavedViewDto } from '@okno/shared';
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { ApiError } from '../../api/http';
import { viewsApi } from '../../api/views.api';
import { useToasts } from '../../app/toasts';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../auth/auth.store';
import { textFromSearch } from '../items/queue/queue-url';
import { ViewRow } from './ViewRow';
import './collab.css';

export interface ViewsMenuApi {
  open: () => void;
}

interface Props {
  /** The queue's filters and search as an address search string ('' or '?…'). */
  currentQuery: string;
  /** Whether a view's query selects the same rows as the queue shows now. */
  isCurrent: (query: string) => boolean;
  onApply: (query: string) => void;
  ref?: (api: ViewsMenuApi) => void;
}

/**
 * Saved views of the queue: apply one, save the current filters and search as a personal or
 * shared view, rename or delete one's own (a lead may also rename or delete a shared one). A
 * disclosure: the button opens the list, Escape closes it and gives the focus back.
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
  };

  const rename = async (view: SavedViewDto, newName: string) => {
    try {
      const renamed = await viewsApi.update(view.id, { version: view.version, name: newName });
      setViews((list) => list.map((v) => (v.id === view.id ? renamed : v)));
      toasts.push('info', t('collab.views.renamed', view.name, renamed.name));
    } catch (e) {
      // Someone changed it meanwhile: show the list as it is now, the person may try again.
      if (e instanceof ApiError && e.code === 'conflict') void load();
      throw new Error(e instanceof ApiError && e.message ? e.message : t('common.unknownError'));
    }
  };

  const group = (mine: boolean) => views().filter((v) => (v.owner.id === me.id) === mine);
  const searchText = () => textFromSearch(props.currentQuery);

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
                  <For each={group(mine)}>
                    {(view) => (
                      <ViewRow
                        view={view}
                        mine={mine}
                        current={props.isCurrent(view.query)}
                        onApply={() => apply(view)}
                        onRename={(newName) => rename(view, newName)}
                        onDelete={() => void remove(view)}
                      />
                    )}
                  </For>
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
          <Show when={searchText()}>
            {(text) => (
              <p class="muted" data-testid="view-save-search">
                {t('collab.views.withSearch', text())}
              </p>
            )}
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
