import { CHANNELS, ESCALATION_LEVELS, ITEM_KINDS, ITEM_STATUSES, RISK_STATES, SECTORS } from '@okno/shared';
import type { ColumnFiltersState } from '@tanstack/solid-table';
import { filterValues, NONE } from './queue-model';

/**
 * Queue filters live in the address (`/queue?sector=housing&risk=overdue`), so the wall and
 * notifications can link to a filtered queue and a filtered view can be shared or reloaded.
 * Each parameter is named after its queue column; a comma separates several accepted values
 * (`status=in_work,routed`).
 */
export const QUEUE_FILTER_KEYS = ['kind', 'channel', 'sector', 'category', 'territory', 'status', 'assignee', 'risk', 'escalation'] as const;
export type QueueFilterKey = (typeof QUEUE_FILTER_KEYS)[number];

/**
 * "Me", whoever looks: the escalation filter's "items that climbed to me" and the assignee
 * filter's "my items". A shared saved view (`?assignee=me&risk=overdue`) works for everyone.
 */
export const MINE = 'me';

const ID = /^[1-9]\d{0,15}$/;
const oneOf = (values: readonly string[]) => (v: string) => values.includes(v);
const idOrNone = (v: string) => v === NONE || ID.test(v);

const VALID: Record<QueueFilterKey, (value: string) => boolean> = {
  kind: oneOf(ITEM_KINDS),
  channel: oneOf(CHANNELS),
  sector: oneOf([...SECTORS, NONE]),
  category: idOrNone,
  territory: idOrNone,
  status: oneOf(ITEM_STATUSES),
  assignee: (v) => v === MINE || idOrNone(v),
  risk: oneOf([...RISK_STATES, NONE]),
  escalation: oneOf([...ESCALATION_LEVELS, MINE]),
};

export function isQueueFilterKey(key: string): key is QueueFilterKey {
  return (QUEUE_FILTER_KEYS as readonly string[]).includes(key);
}

/** One value stays a plain string (what a select holds); several become a list. */
function asFilterValue(values: readonly string[]): string | string[] {
  return values.length === 1 ? values[0]! : [...values];
}

/** The queue's column filters read from a query string; unknown keys and invalid values are ignored. */
export function filtersFromSearch(search: string): ColumnFiltersState {
  const params = new URLSearchParams(search);
  const filters: ColumnFiltersState = [];
  for (const key of QUEUE_FILTER_KEYS) {
    const raw = params.getAll(key).flatMap((v) => v.split(','));
    const values = [...new Set(raw.map((v) => v.trim()).filter(VALID[key]))];
    if (values.length > 0) filters.push({ id: key, value: asFilterValue(values) });
  }
  return filters;
}

function encodeFilter(key: QueueFilterKey, values: readonly string[]): string {
  return `${key}=${values.map(encodeURIComponent).join(',')}`;
}

/**
 * The query string for these column filters, keeping parameters that are not filters.
 * Returns '' or a string starting with '?'; filters come in a fixed order so equal filters
 * give equal addresses.
 */
export function searchWithFilters(search: string, filters: ColumnFiltersState): string {
  const params = new URLSearchParams(search);
  const kept: string[] = [];
  params.forEach((value, key) => {
    if (!isQueueFilterKey(key)) kept.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  });
  const byKey = new Map(filters.map((f) => [f.id, filterValues(f.value)]));
  const parts = QUEUE_FILTER_KEYS.flatMap((key) => {
    const values = (byKey.get(key) ?? []).filter(VALID[key]);
    return values.length > 0 ? [encodeFilter(key, values)] : [];
  });
  const all = [...parts, ...kept];
  return all.length > 0 ? `?${all.join('&')}` : '';
}

/** A link to the queue with these filters, e.g. from a wall tile. */
export function queueHref(filters: Partial<Record<QueueFilterKey, string | readonly string[]>>): string {
  const list: ColumnFiltersState = Object.entries(filters).map(([id, value]) => ({
    id,
    value: typeof value === 'string' ? value : [...(value ?? [])],
  }));
  return `/queue${searchWithFilters('', list)}`;
}

/** Whether two filter states select the same rows (order of values aside). */
export function sameFilters(a: ColumnFiltersState, b: ColumnFiltersState): boolean {
  if (a.length !== b.length) return false;
  const key = (f: ColumnFiltersState) =>
    f
      .map((x) => `${x.id}=${[...filterValues(x.value)].sort().join(',')}`)
      .sort()
      .join('&');
  return key(a) === key(b);
}
