import { CHANNELS, ESCALATION_LEVELS, ITEM_KINDS, ITEM_STATUSES, RISK_STATES, SECTORS } from '@okno/shared';
import type { ColumnFiltersState } from '@tanstack/solid-table';
import { filterValues, NONE } from './queue-model';

/**
 * Queue filters live in the address (`/queue?sector=housing&risk=overdue`), so the wall and
 * notifications can link to a filtered queue and a filtered view can be shared or reloaded.
 * Each parameter is named after its queue column; a comma separates several accepted values
 * (`status=in_work,routed`). The free-text search rides along as `q=`, so a saved view and a
 * reload keep it too.
 */
export const QUEUE_FILTER_KEYS = ['kind', 'channel', 'sector', 'category', 'territory', 'status', 'assignee', 'risk', 'escalation'] as const;
export type QueueFilterKey = (typeof QUEUE_FILTER_KEYS)[number];

/**
 * "Me", whoever looks: the escalation filter's "items that climbed to me" and the assignee
 * filter's "my items". A shared saved view (`?assignee=me&risk=overdue`) works for everyone.
 */
export const MINE = 'me';

/**
 * The escalation filter's values, offered to everyone: "me" means what climbed to one of the
 * person's steps above the operators (the wall's "escalated to me", see isEscalatedTo), so
 * for an operator it selects nothing rather than the whole operators' step.
 */
export const ESCALATION_FILTER_VALUES: readonly string[] = [MINE, ...ESCALATION_LEVELS];

/** The free-text search's parameter (`?kind=appeal&q=Курск`), kept in the address and in saved views. */
export const SEARCH_PARAM = 'q';

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
  escalation: oneOf(ESCALATION_FILTER_VALUES),
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

/** The free-text search in a query string, or undefined when there is none (or only blanks). */
export function textFromSearch(search: string): string | undefined {
  const text = new URLSearchParams(search).get(SEARCH_PARAM);
  return text && text.trim() !== '' ? text : undefined;
}

/** Parameters that are neither filters nor the search (`projector=1`), encoded, in their order. */
function otherParams(search: string): string[] {
  const kept: string[] = [];
  new URLSearchParams(search).forEach((value, key) => {
    if (!isQueueFilterKey(key) && key !== SEARCH_PARAM) kept.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  });
  return kept;
}

/** Filters in a fixed order (equal filters give equal addresses), then the search, then the rest. */
function compose(filters: ColumnFiltersState, text: string | undefined, kept: readonly string[]): string {
  const byKey = new Map(filters.map((f) => [f.id, filterValues(f.value)]));
  const parts = QUEUE_FILTER_KEYS.flatMap((key) => {
    const values = (byKey.get(key) ?? []).filter(VALID[key]);
    return values.length > 0 ? [encodeFilter(key, values)] : [];
  });
  const search = text !== undefined && text.trim() !== '' ? [`${SEARCH_PARAM}=${encodeURIComponent(text)}`] : [];
  const all = [...parts, ...search, ...kept];
  return all.length > 0 ? `?${all.join('&')}` : '';
}

/**
 * The query string for these column filters, keeping the search and parameters that are not
 * filters. Returns '' or a string starting with '?'.
 */
export function searchWithFilters(search: string, filters: ColumnFiltersState): string {
  return compose(filters, textFromSearch(search), otherParams(search));
}

/** The query string with this free-text search (removed when blank), everything else kept. */
export function searchWithText(search: string, text: string | undefined): string {
  return compose(filtersFromSearch(search), text, otherParams(search));
}

/** What a saved view keeps of the queue: its filters and its search, nothing else of the address. */
export function viewQueryOf(filters: ColumnFiltersState, text: string | undefined): string {
  return compose(filters, text?.trim(), []);
}

/** The address after applying a saved view: its filters and search replace the current ones. */
export function searchForView(search: string, view: string): string {
  return compose(filtersFromSearch(view), textFromSearch(view)?.trim(), otherParams(search));
}

/** The search as the queue matches it (words, any case), to compare two searches. */
const searchKey = (text: string | undefined) => (text ?? '').toLowerCase().split(/\s+/).filter(Boolean).join(' ');

/** Whether a saved view's query selects the same rows as these filters and this search. */
export function isSameView(view: string, filters: ColumnFiltersState, text: string | undefined): boolean {
  return sameFilters(filtersFromSearch(view), filters) && searchKey(textFromSearch(view)) === searchKey(text);
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
