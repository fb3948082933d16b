import type { ItemDto } from '@okno/shared';
import {
  columnFilteringFeature,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  rowSortingFeature,
  tableFeatures,
  type FilterFn,
  type SortFn,
} from '@tanstack/solid-table';

/** Table features of the queue: sorting, per-column option filters and a free-text search. */
export const queueFeatures = tableFeatures({
  columnFilteringFeature,
  globalFilteringFeature,
  rowSortingFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
});
export type QueueFeatures = typeof queueFeatures;

/**
 * Column ids, in display order; the CSS grid template in styles.css follows the same order.
 * The tick column for bulk actions ('select') comes before them, sized in queue-select.css.
 */
export const QUEUE_COLUMN_IDS = [
  'id',
  'receivedAt',
  'kind',
  'channel',
  'title',
  'sector',
  'category',
  'territory',
  'status',
  'risk',
  'assignee',
  'escalation',
  'viewers',
] as const;
export type QueueColumnId = (typeof QUEUE_COLUMN_IDS)[number];

export function isQueueColumnId(id: string): id is QueueColumnId {
  return (QUEUE_COLUMN_IDS as readonly string[]).includes(id);
}

/** The filter value that selects rows where the field is empty. */
export const NONE = 'none';

/** A cell value as a filter option key: ids and enum names as strings, empty as NONE. */
export function optionKey(value: unknown): string {
  return value === null || value === undefined || value === '' ? NONE : String(value);
}

/** A column filter value as the list of accepted option keys (one from a select, or several from a link). */
export function filterValues(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** One entry of a filter select. */
export interface FilterOption {
  value: string;
  label: string;
}

/**
 * A filter select's options with every chosen value among them: an address or a saved view may
 * carry a value the list does not offer (a category outside the chosen sector, a territory no
 * longer listed), and a select must never look blank while it filters.
 */
export function withChosenOptions(
  options: readonly FilterOption[],
  chosen: readonly string[],
  labelOf: (value: string) => string | undefined,
): FilterOption[] {
  const missing = chosen.filter((v) => !options.some((o) => o.value === v));
  return [...options, ...missing.map((value) => ({ value, label: labelOf(value) ?? value }))];
}

/** Column filter: the row's value is one of the chosen options (see optionKey). */
export const optionFilter: FilterFn<QueueFeatures, ItemDto> = (row, columnId, filterValue: unknown) =>
  filterValues(filterValue).includes(optionKey(row.getValue(columnId)));
optionFilter.autoRemove = (value: unknown) => filterValues(value).length === 0;

// Lower-cased once per item object; replica objects are immutable, so the cache never goes stale.
const searchText = new WeakMap<ItemDto, string>();
function searchTextOf(item: ItemDto): string {
  let text = searchText.get(item);
  if (text === undefined) {
    text = `${item.title}\n${item.text}\n${item.address ?? ''}\n${item.id}`.toLowerCase();
    searchText.set(item, text);
  }
  return text;
}

/** Whether every word of the query occurs in the item's title, text, address or number. */
export function matchesSearch(item: ItemDto, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = searchTextOf(item);
  return words.every((w) => text.includes(w));
}

export const searchFilter: FilterFn<QueueFeatures, ItemDto> = (row, _columnId, filterValue: unknown) =>
  typeof filterValue === 'string' ? matchesSearch(row.original, filterValue) : true;
searchFilter.autoRemove = (value: unknown) => typeof value !== 'string' || value.trim() === '';

/** Sorts an enum column by the domain order of its values (lifecycle, ladder), not alphabetically. */
export function byDomainOrder(order: readonly string[]): SortFn<QueueFeatures, ItemDto> {
  const rank = new Map(order.map((v, i) => [v, i]));
  return (a, b, columnId) =>
    (rank.get(String(a.getValue(columnId))) ?? -1) - (rank.get(String(b.getValue(columnId))) ?? -1);
}

/** Plain ascending comparison of numbers or ISO timestamps (which order as strings). */
export const byValue: SortFn<QueueFeatures, ItemDto> = (a, b, columnId) => {
  const x = a.getValue<number | string>(columnId);
  const y = b.getValue<number | string>(columnId);
  return x < y ? -1 : x > y ? 1 : 0;
};

const collator = new Intl.Collator('ru');
/** Sorts an id column by the name it shows (category, territory, person); empty names first. */
export function byLabel(label: (item: ItemDto) => string | null): SortFn<QueueFeatures, ItemDto> {
  return (a, b) => collator.compare(label(a.original) ?? '', label(b.original) ?? '');
}
