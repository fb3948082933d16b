import { ESCALATION_LEVELS, ITEM_KINDS, ITEM_STATUSES, SECTORS, CHANNELS, type ItemDto, type MeDto } from '@okno/shared';
import { createColumnHelper, type FilterFn } from '@tanstack/solid-table';
import { createEffect, For, Show } from 'solid-js';
import type { I18n } from '../../../i18n/i18n';
import type { Directory } from '../../directory/directory.store';
import { initialsOf, type PresenceStore } from '../../presence/presence.store';
import { ageLabel } from '../age';
import { dueSortKey, liveRisk } from '../deadline';
import { DeadlineState } from '../DeadlineState';
import { isEscalatedTo } from '../ladder';
import { byDomainOrder, byLabel, byValue, filterValues, NONE, optionFilter, optionKey, searchFilter, type QueueFeatures } from './queue-model';
import { MINE } from './queue-url';

export interface ColumnContext {
  i18n: I18n;
  directory: Directory;
  presence: PresenceStore;
  /** Server time, ticking: re-renders what shows time. */
  serverClock: () => number;
  /** Server time now, untracked: for filters evaluated on demand. */
  serverNow: () => number;
  me: MeDto;
  /** Rows ticked for a bulk action. */
  ticks: RowTicks;
}

/** What the checkbox column needs from the queue's row selection. */
export interface RowTicks {
  isTicked: (id: number) => boolean;
  /** A click on a row's box; with Shift it ticks the range from the last ticked row. */
  tick: (id: number, range: boolean) => void;
  /** 'all', 'some' or 'none' of the rows shown are ticked. */
  shownState: () => 'all' | 'some' | 'none';
  toggleShown: () => void;
}

const helper = createColumnHelper<QueueFeatures, ItemDto>();

export function buildColumns(ctx: ColumnContext) {
  const { t, formatTime } = ctx.i18n;
  const dir = ctx.directory;

  // The state moves with the clock, so it is computed when filtering rather than cached as a
  // row value (QueuePage makes the table filter again on every clock tick).
  const riskFilter: FilterFn<QueueFeatures, ItemDto> = (row, _columnId, value: unknown) =>
    filterValues(value).includes(liveRisk(row.original, ctx.serverNow()) ?? NONE);
  riskFilter.autoRemove = (value: unknown) => filterValues(value).length === 0;

  const escalationFilter: FilterFn<QueueFeatures, ItemDto> = (row, _columnId, value: unknown) =>
    filterValues(value).some((v) =>
      v === MINE ? isEscalatedTo(ctx.me, row.original) : row.original.escalationLevel === v,
    );
  escalationFilter.autoRemove = (value: unknown) => filterValues(value).length === 0;

  // "me" is whoever looks, so a shared saved view with assignee=me works for everyone.
  const assigneeFilter: FilterFn<QueueFeatures, ItemDto> = (row, _columnId, value: unknown) => {
    const assignee = row.original.assignee?.id ?? null;
    return filterValues(value).some((v) => (v === MINE ? assignee === ctx.me.id : optionKey(assignee) === v));
  };
  assigneeFilter.autoRemove = (value: unknown) => filterValues(value).length === 0;

  return helper.columns([
    helper.display({
      id: 'select',
      header: () => (
        <input
          type="checkbox"
          class="row-check"
          data-testid="select-shown"
          aria-label={t('collab.shortcuts.selectAll')}
          title={t('collab.shortcuts.selectAll')}
          checked={ctx.ticks.shownState() === 'all'}
          ref={(el) => createEffect(() => (el.indeterminate = ctx.ticks.shownState() === 'some'))}
          onClick={(e) => {
            ctx.ticks.toggleShown();
            e.currentTarget.checked = ctx.ticks.shownState() === 'all';
          }}
        />
      ),
      cell: (info) => {
        const id = info.row.original.id;
        return (
          <input
            type="checkbox"
            class="row-check"
            data-testid="row-check"
            aria-label={`${t('collab.shortcuts.select')} ${t('notifications.item', id)}`}
            checked={ctx.ticks.isTicked(id)}
            tabIndex={-1}
            onClick={(e) => {
              e.stopPropagation();
              ctx.ticks.tick(id, e.shiftKey);
              // A shift-click on a ticked box keeps it ticked: undo the browser's own toggle.
              e.currentTarget.checked = ctx.ticks.isTicked(id);
            }}
          />
        );
      },
    }),
    helper.accessor('id', { id: 'id', header: () => t('queue.col.id'), enableColumnFilter: false, sortFn: byValue }),
    helper.accessor('receivedAt', {
      id: 'receivedAt',
      header: () => t('queue.col.receivedAt'),
      sortDescFirst: true,
      sortFn: byValue,
      enableColumnFilter: false,
      cell: (info) => (
        <span title={ageLabel(t, info.getValue(), ctx.serverClock())}>{formatTime(info.getValue())}</span>
      ),
    }),
    helper.accessor('kind', {
      id: 'kind',
      header: () => t('queue.col.kind'),
      filterFn: optionFilter,
      sortFn: byDomainOrder(ITEM_KINDS),
      cell: (info) => <span class={`tag kind-${info.getValue()}`}>{t(`kind.${info.getValue()}`)}</span>,
    }),
    helper.accessor('channel', {
      id: 'channel',
      header: () => t('queue.col.channel'),
      filterFn: optionFilter,
      sortFn: byDomainOrder(CHANNELS),
      cell: (info) => t(`channel.${info.getValue()}`),
    }),
    helper.accessor('title', {
      id: 'title',
      header: () => t('queue.col.title'),
      enableColumnFilter: false,
      filterFn: searchFilter,
      sortFn: byLabel((item) => item.title || item.text),
      cell: (info) => {
        const item = info.row.original;
        return (
          <span class="cell-title" title={item.text}>
            <b>{item.title || item.text}</b>
            <Show when={item.address}>
              <span class="muted"> · {item.address}</span>
            </Show>
          </span>
        );
      },
    }),
    helper.accessor('sector', {
      id: 'sector',
      header: () => t('queue.col.sector'),
      filterFn: optionFilter,
      sortFn: byDomainOrder(SECTORS),
      cell: (info) => (
        <Show when={info.getValue()} fallback={<span class="muted">{t('common.none')}</span>}>
          {(sector) => t(`sector.${sector()}`)}
        </Show>
      ),
    }),
    helper.accessor('categoryId', {
      id: 'category',
      header: () => t('queue.col.category'),
      filterFn: optionFilter,
      sortFn: byLabel((item) => dir.categoryName(item.categoryId)),
      cell: (info) => dir.categoryName(info.getValue()) ?? <span class="muted">{t('common.none')}</span>,
    }),
    helper.accessor('territoryId', {
      id: 'territory',
      header: () => t('queue.col.territory'),
      filterFn: optionFilter,
      sortFn: byLabel((item) => dir.territoryName(item.territoryId)),
      cell: (info) => dir.territoryName(info.getValue()) ?? <span class="muted">{t('common.none')}</span>,
    }),
    helper.accessor('status', {
      id: 'status',
      header: () => t('queue.col.status'),
      filterFn: optionFilter,
      sortFn: byDomainOrder(ITEM_STATUSES),
      cell: (info) => <span class={`badge status-${info.getValue()}`}>{t(`status.${info.getValue()}`)}</span>,
    }),
    // Sorted by the due instant, which orders by time left at any moment; filtered by live state.
    helper.accessor((item) => dueSortKey(item), {
      id: 'risk',
      header: () => t('queue.col.risk'),
      filterFn: riskFilter,
      sortFn: byValue,
      sortUndefined: 'last',
      cell: (info) => <DeadlineState item={info.row.original} now={ctx.serverClock()} compact />,
    }),
    helper.accessor((item) => item.assignee?.id ?? null, {
      id: 'assignee',
      header: () => t('queue.col.assignee'),
      filterFn: assigneeFilter,
      sortFn: byLabel((item) => item.assignee?.name ?? null),
      cell: (info) => info.row.original.assignee?.name ?? <span class="muted">{t('common.none')}</span>,
    }),
    helper.accessor('escalationLevel', {
      id: 'escalation',
      header: () => t('queue.col.escalation'),
      filterFn: escalationFilter,
      sortFn: byDomainOrder(ESCALATION_LEVELS),
      cell: (info) => (
        <span class={`level level-${info.getValue()}`}>{t(`level.${info.getValue()}`)}</span>
      ),
    }),
    helper.display({
      id: 'viewers',
      header: () => t('queue.col.viewers'),
      cell: (info) => (
        <span class="viewers">
          <For each={ctx.presence.viewersOf(info.row.original.id).slice(0, 3)}>
            {(user) => (
              <span class="initials" title={user.name}>
                {initialsOf(user.name)}
              </span>
            )}
          </For>
        </span>
      ),
    }),
  ]);
}
