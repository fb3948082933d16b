import { BULK_MAX_ITEMS } from '@okno/shared';

/** Whether this many ticked rows are more than one bulk action takes (the server refuses them all). */
export function overBulkLimit(count: number): boolean {
  return count > BULK_MAX_ITEMS;
}
