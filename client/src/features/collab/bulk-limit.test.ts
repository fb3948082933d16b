import { BULK_MAX_ITEMS, BulkInput } from '@okno/shared';
import { describe, expect, it } from 'vitest';
import { overBulkLimit } from './bulk-limit';

describe('bulk action limit', () => {
  it('allows exactly the limit the contract accepts and refuses one more', () => {
    expect(BULK_MAX_ITEMS).toBe(200);
    expect(overBulkLimit(BULK_MAX_ITEMS)).toBe(false);
    expect(overBulkLimit(BULK_MAX_ITEMS + 1)).toBe(true);
    expect(overBulkLimit(5315)).toBe(true);
    const input = (n: number) => ({ mutationId: 'bulk-limit-test', itemIds: Array.from({ length: n }, (_, i) => i + 1), do: { action: 'claim' } });
    expect(BulkInput.safeParse(input(BULK_MAX_ITEMS)).success).toBe(true);
    const refused = BulkInput.safeParse(input(BULK_MAX_ITEMS + 1));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('Групповое действие выполняется не более чем для 200 записей за раз');
  });
});
