import { describe, expect, it } from 'vitest';
import { C2S_SCHEMAS } from './events.js';
import { ClaimInput, EscalateInput, IngestBatch, MutationId } from './items.js';

describe('contract schemas', () => {
  it('requires a client mutation id of safe characters', () => {
    expect(MutationId.safeParse('abc').success).toBe(false);
    expect(MutationId.safeParse('a1b2c3d4e5').success).toBe(true);
    expect(MutationId.safeParse('a1b2c3d4e5; drop').success).toBe(false);
  });

  it('refuses an escalation without a reason', () => {
    expect(EscalateInput.safeParse({ mutationId: 'a1b2c3d4e5', itemId: 1, version: 1, reason: '  ' }).success).toBe(false);
  });

  it('refuses non-integer and negative ids', () => {
    expect(ClaimInput.safeParse({ mutationId: 'a1b2c3d4e5', itemId: 1.5 }).success).toBe(false);
    expect(ClaimInput.safeParse({ mutationId: 'a1b2c3d4e5', itemId: -1 }).success).toBe(false);
  });

  it('limits an ingest batch to 500 items and requires a text', () => {
    const item = { externalId: 'x', kind: 'incident', channel: 'vk', text: 'Яма на дороге' };
    expect(IngestBatch.safeParse({ items: [item] }).success).toBe(true);
    expect(IngestBatch.safeParse({ items: Array(501).fill(item) }).success).toBe(false);
    expect(IngestBatch.safeParse({ items: [{ ...item, text: '' }] }).success).toBe(false);
  });

  it('has a schema for every client event', () => {
    expect(Object.keys(C2S_SCHEMAS).sort()).toEqual(
      ['item:categorise', 'item:claim', 'item:comment', 'item:escalate', 'item:release', 'item:status', 'item:view', 'sync'].sort(),
    );
  });
});
