import type { ItemDto } from '@okno/shared';
import type { Row, SolidTable } from '@tanstack/solid-table';
import { createVirtualizer } from '@tanstack/solid-virtual';
import { createMemo, For, onMount, Show, untrack, type JSX } from 'solid-js';
import { QueueFilters } from './QueueFilters';
import type { QueueFeatures } from './queue-model';
import './queue-columns.css';
import './queue-select.css';

export interface QueueTableApi {
  scrollToIndex: (index: number) => void;
}

interface Props {
  table: SolidTable<QueueFeatures, ItemDto>;
  rows: Row<QueueFeatures, ItemDto>[];
  selectedId: number | null;
  /** Rows ticked for a bulk action (the cursor row is `selectedId`). */
  isTicked: (id: number) => boolean;
  onSelect: (id: number) => void;
  flashOf: (id: number) => number | null;
  ref: (api: QueueTableApi) => void;
  empty: JSX.Element;
  label: string;
}

/** Fixed row height: rows are single-line, so the virtualiser never has to measure. */
const ROW_HEIGHT = 32;

export function QueueTable(props: Props) {
  let scrollEl: HTMLDivElement | undefined;
  let headEl: HTMLDivElement | undefined;

  const virtualizer = createVirtualizer({
    get count() {
      return props.rows.length;
    },
    getScrollElement: () => scrollEl ?? null,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => props.rows[index]?.id ?? index,
  });
  onMount(() => props.ref({ scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }) }));

  const visible = createMemo(() => {
    const rows = props.rows;
    return virtualizer.getVirtualItems().flatMap((v) => {
      const row = rows[v.index];
      return row ? [{ row, item: row.original, index: v.index, start: v.start }] : [];
    });
  });
  const visibleItems = createMemo(() => visible().map((p) => p.item));
  const placeOf = createMemo(() => new Map(visible().map((p) => [p.item, p])));

  // The header sits outside the scrolling body (so it never covers a row); it follows sideways.
  const followScroll = () => {
    if (headEl && scrollEl) headEl.scrollLeft = scrollEl.scrollLeft;
  };

  const sortMark = (dir: false | 'asc' | 'desc') => (dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '');

  return (
    <div class="qt" role="grid" data-testid="queue-table" aria-rowcount={props.rows.length} aria-label={props.label}>
      <div class="qt-head" ref={headEl}>
        <div class="qt-row qt-header" role="row">
          <For each={props.table.getHeaderGroups()[0]?.headers ?? []}>
            {(header) => (
              <div
                role="columnheader"
                class={`qt-cell col-${header.column.id}`}
                aria-sort={
                  header.column.getIsSorted() === 'asc'
                    ? 'ascending'
                    : header.column.getIsSorted() === 'desc'
                      ? 'descending'
                      : undefined
                }
              >
                <Show when={header.column.getCanSort()} fallback={<props.table.FlexRender header={header} />}>
                  <button type="button" class="sort" onClick={(e) => header.column.getToggleSortingHandler()?.(e)}>
                    <props.table.FlexRender header={header} />
                    <span class="sort-mark">{sortMark(header.column.getIsSorted())}</span>
                  </button>
                </Show>
              </div>
            )}
          </For>
        </div>
        <QueueFilters table={props.table} />
      </div>
      <div class="qt-body" ref={scrollEl} onScroll={followScroll}>
        <Show when={props.rows.length > 0} fallback={props.empty}>
          <div class="qt-canvas" style={{ height: `${virtualizer.getTotalSize()}px` }}>
            <For each={visibleItems()}>
              {(item) => {
                const place = () => placeOf().get(item);
                // Rows are keyed by the (immutable) item: a refresh that re-sorts 10,000 rows
                // re-renders only the items that changed. The cells render from the item alone,
                // so the Row object current at creation stays valid for this item's lifetime.
                const cells = untrack(() => place()?.row.getAllCells() ?? []);
                return (
                  <div
                    role="row"
                    class="qt-row"
                    classList={{ selected: item.id === props.selectedId, ticked: props.isTicked(item.id) }}
                    aria-selected={item.id === props.selectedId}
                    aria-rowindex={(place()?.index ?? 0) + 1}
                    data-testid="queue-row"
                    data-item-id={item.id}
                    data-ticked={props.isTicked(item.id)}
                    data-status={item.status}
                    data-flash={props.flashOf(item.id) ?? undefined}
                    style={{ transform: `translateY(${place()?.start ?? 0}px)`, height: `${ROW_HEIGHT}px` }}
                    onClick={() => props.onSelect(item.id)}
                  >
                    <For each={cells}>
                      {(cell) => (
                        <div role="gridcell" class={`qt-cell col-${cell.column.id}`}>
                          <props.table.FlexRender cell={cell} />
                        </div>
                      )}
                    </For>
                  </div>
                );
              }}
            </For>
          </div>
        </Show>
      </div>
    </div>
  );
}
