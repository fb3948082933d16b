import { canWorkQueue, isClaimable, itemScopeFor } from '@okno/shared';
import { useLocation, useNavigate, useParams } from '@solidjs/router';
import { createTable, type ColumnFiltersState, type SortingState, type Updater } from '@tanstack/solid-table';
import { createEffect, createMemo, createSignal, Match, on, Show, Switch } from 'solid-js';
import { ShortcutSheet } from '../../../app/ShortcutSheet';
import { BulkBar } from '../../collab/BulkBar';
import { ViewsMenu, type ViewsMenuApi } from '../../collab/ViewsMenu';
import { useI18n } from '../../../i18n/i18n';
import { useMe } from '../../auth/auth.store';
import { useDirectory } from '../../directory/directory.store';
import { usePresence } from '../../presence/presence.store';
import { useConnection } from '../../realtime/connection';
import { useItems } from '../items.store';
import { ItemPanel } from '../panel/ItemPanel';
import { openPanelDialog, type PanelDialog } from '../panel/panel-commands';
import { buildColumns } from './columns';
import { QueueTable, type QueueTableApi } from './QueueTable';
import { queueFeatures, searchFilter } from './queue-model';
import { filtersFromSearch, isSameView, sameFilters, searchForView, searchWithFilters, searchWithText, textFromSearch, viewQueryOf } from './queue-url';
import { useQueueKeys } from './useQueueKeys';
import { useRowTicks } from './useRowTicks';

export function QueuePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const items = useItems();
  const params = useParams<{ id?: string }>();
  const location = useLocation();
  const navigate = useNavigate();
  const connection = useConnection();
  const openId = () => (params.id ? Number(params.id) : null);

  const [sorting, setSorting] = createSignal<SortingState>([{ id: 'receivedAt', desc: true }]);
  // Filters live in the address (links from the wall, reloads, back/forward); the address is the truth.
  const columnFilters = createMemo(() => filtersFromSearch(location.search), [], { equals: sameFilters });
  const setColumnFilters = (updater: Updater<ColumnFiltersState>) => {
    const next = typeof updater === 'function' ? updater(columnFilters()) : updater;
    navigate(`${location.pathname}${searchWithFilters(location.search, next)}`, { replace: true, scroll: false });
  };
  // The deadline state moves with the server clock: a fresh filter list on each tick makes the
  // table filter again while a risk filter is on (and only then).
  const tableFilters = createMemo(() => {
    const filters = columnFilters();
    if (!filters.some((f) => f.id === 'risk')) return filters;
    connection.clock();
    return [...filters];
  });
  // The search box is also in the address (`q=`), so reloads and saved views keep it. The box
  // answers at once; the address follows, and only a change made elsewhere (back/forward, a
  // view) sets the box. `written` is the last text typed whose address change is still on its way.
  const [search, setSearch] = createSignal<string | undefined>(textFromSearch(location.search));
  let written: string | undefined | null = null;
  const typeSearch = (text: string | undefined) => {
    setSearch(text || undefined);
    const next = searchWithText(location.search, text);
    if (next === location.search) return;
    written = textFromSearch(next);
    navigate(`${location.pathname}${next}`, { replace: true, scroll: false });
  };
  createEffect(
    on(
      () => textFromSearch(location.search),
      (text) => {
        if (written !== null) {
          if (text === written) written = null;
          return;
        }
        if (text !== search()) setSearch(text);
      },
      { defer: true },
    ),
  );
  const [selectedId, setSelectedId] = createSignal<number | null>(openId());
  const [helpOpen, setHelpOpen] = createSignal(false);
  let tableApi: QueueTableApi | undefined;
  let searchInput: HTMLInputElement | undefined;
  let viewsMenu: ViewsMenuApi | undefined;
  // Rows ticked for a bulk action; declared before the table, whose tick column reads them.
  let shownIds: () => number[] = () => [];
  const ticks = useRowTicks(() => shownIds());

  const table = createTable({
    features: queueFeatures,
    columns: buildColumns({
      i18n,
      directory: useDirectory(),
      presence: usePresence(),
      serverClock: connection.clock,
      serverNow: connection.serverNow,
      me,
      ticks,
    }),
    get data() {
      return items.rows();
    },
    getRowId: (item) => String(item.id),
    globalFilterFn: searchFilter,
    getColumnCanGlobalFilter: (column) => column.id === 'title',
    enableSortingRemoval: false,
    state: {
      get sorting() {
        return sorting();
      },
      get columnFilters() {
        return tableFilters();
      },
      get globalFilter() {
        return search();
      },
    },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
    onGlobalFilterChange: (updater) => typeSearch((typeof updater === 'function' ? updater(search()) : updater) || undefined),
  });

  // Back/forward and links move the selection along with the open item.
  createEffect(on(openId, (id) => id !== null && setSelectedId(id), { defer: true }));

  const rows = createMemo(() => table.getRowModel().rows);
  const ids = createMemo(() => rows().map((r) => r.original.id));
  shownIds = ids;
  const indexOf = (id: number | null) => (id === null ? -1 : rows().findIndex((r) => r.original.id === id));

  // Opening and closing an item keeps the filters in the address.
  const open = (id: number) => {
    setSelectedId(id);
    navigate(`/items/${id}${location.search}`);
  };
  const closePanel = () => navigate(`/queue${location.search}`);
  const move = (delta: number) => {
    const list = rows();
    if (list.length === 0) return;
    const current = indexOf(selectedId());
    const next = Math.min(list.length - 1, Math.max(0, current === -1 ? 0 : current + delta));
    const id = list[next]!.original.id;
    setSelectedId(id);
    tableApi?.scrollToIndex(next);
    // With the panel open, the panel follows the selection (a reader's flow through the queue).
    if (openId() !== null) navigate(`/items/${id}${location.search}`, { replace: true });
  };

  // The card's dialogs belong to the card: open the card if needed, then ask it (panel-commands).
  const onCard = (dialog: PanelDialog) => {
    const id = selectedId();
    if (id === null) return;
    if (openId() !== id) open(id);
    openPanelDialog(dialog, id);
  };
  // A view (or a reset) sets the box itself: a search still being written to the address must not win.
  const showView = (query: string, replace: boolean) => {
    written = null;
    setSearch(textFromSearch(query)?.trim());
    navigate(`${location.pathname}${searchForView(location.search, query)}`, { replace, scroll: false });
  };
  const applyView = (query: string) => showView(query, false);

  useQueueKeys({
    next: () => move(1),
    prev: () => move(-1),
    open: () => {
      const id = selectedId();
      if (id !== null) open(id);
    },
    claim: () => {
      const id = selectedId();
      const item = id === null ? undefined : items.item(id);
      // Only what the claim button would offer: not one's own item, not a finished one.
      if (!item || !canWorkQueue(me.roles) || item.assignee?.id === me.id || !isClaimable(item.status)) return;
      items.actions.claim(item.id);
    },
    route: () => onCard('route'),
    escalate: () => onCard('escalate'),
    comment: () => onCard('comment'),
    toggleTick: () => {
      const id = selectedId() ?? ids()[0] ?? null;
      if (id === null) return;
      setSelectedId(id);
      ticks.tick(id, false);
    },
    tickAll: () => ticks.tickAll(),
    focusSearch: () => searchInput?.focus(),
    openViews: () => viewsMenu?.open(),
    toggleHelp: () => setHelpOpen((v) => !v),
    escape: () => {
      if (helpOpen()) setHelpOpen(false);
      else if (openId() !== null) closePanel();
      else ticks.clear();
    },
  });

  const filtered = () => columnFilters().length > 0 || !!search();
  const resetFilters = () => showView('', true);

  return (
    <Show when={itemScopeFor(me.roles, me.departmentId).kind !== 'none'} fallback={<p class="page-note">{t('queue.noAccess')}</p>}>
      <div class="queue-layout" classList={{ 'with-panel': openId() !== null }}>
        <section class="queue">
          <div class="queue-toolbar">
            <input
              ref={searchInput}
              type="search"
              class="search"
              data-testid="search-input"
              placeholder={t('queue.searchPlaceholder')}
              value={search() ?? ''}
              onInput={(e) => typeSearch(e.currentTarget.value)}
              onKeyDown={(e) => e.key === 'Escape' && e.currentTarget.blur()}
            />
            <ViewsMenu
              currentQuery={viewQueryOf(columnFilters(), search())}
              isCurrent={(query) => isSameView(query, columnFilters(), search())}
              onApply={applyView}
              ref={(api) => (viewsMenu = api)}
            />
            <span class="muted">{t('queue.shown', rows().length, items.rows().length)}</span>
            <Show when={filtered()}>
              <button type="button" class="link" onClick={resetFilters}>
                {t('queue.resetFilters')}
              </button>
            </Show>
            <button type="button" class="link shortcut-hint" onClick={() => setHelpOpen(true)} title={t('shortcuts.title')}>
              ?
            </button>
          </div>
          <QueueTable
            table={table}
            rows={rows()}
            selectedId={selectedId()}
            isTicked={ticks.isTicked}
            onSelect={open}
            flashOf={items.flashOf}
            ref={(api) => (tableApi = api)}
            label={t('queue.title')}
            empty={
              <Switch fallback={<p class="table-note">{t('queue.empty')}</p>}>
                <Match when={items.status() === 'loading'}>
                  <p class="table-note">{t('queue.loading')}</p>
                </Match>
                <Match when={items.status() === 'error'}>
                  <p class="table-note">
                    {t('common.networkError')}{' '}
                    <button type="button" class="link" onClick={() => items.reload()}>
                      {t('common.retry')}
                    </button>
                  </p>
                </Match>
                <Match when={filtered()}>
                  <p class="table-note">
                    {t('queue.emptyFiltered')}{' '}
                    <button type="button" class="link" onClick={resetFilters}>
                      {t('queue.resetFilters')}
                    </button>
                  </p>
                </Match>
              </Switch>
            }
          />
          <Show when={canWorkQueue(me.roles)}>
            <BulkBar ids={ticks.ticked()} onClear={ticks.clear} onDone={ticks.untick} />
          </Show>
        </section>
        <Show when={openId()} keyed>
          {(id) => <ItemPanel itemId={id} onClose={closePanel} />}
        </Show>
      </div>
      <Show when={helpOpen()}>
        <ShortcutSheet onClose={() => setHelpOpen(false)} />
      </Show>
    </Show>
  );
}
