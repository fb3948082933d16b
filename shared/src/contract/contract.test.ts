import { describe, expect, it } from 'vitest';
import { C2S_SCHEMAS, ItemEvent } from './events.js';
import { ClaimInput, EscalateInput, ExtendInput, IngestBatch, MutationId } from './items.js';

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
      [
        'item:categorise', 'item:claim', 'item:comment', 'item:deescalate', 'item:escalate', 'item:extend', 'item:interim',
        'item:release', 'item:status', 'item:view', 'sync',
        'item:route', 'item:answer_save', 'item:answer_submit', 'item:answer_return', 'item:answer_approve',
        'item:extension_request', 'item:extension_decline', 'item:close', 'item:rate', 'item:bulk', 'item:typing',
      ].sort(),
    );
  });

  it('reads events logged before deadlines existed, with no deadlines and normal importance', () => {
    const item = {
      id: 1, kind: 'incident', channel: 'vk', source: 'demo', externalId: 'x', title: 't', text: 't', authorName: null, link: null,
      sector: null, categoryId: null, territoryId: null, address: null, status: 'new', assignee: null, departmentId: null,
      escalationLevel: 'operator', receivedAt: '2026-01-12T09:00:00.000Z', updatedAt: '2026-01-12T09:00:00.000Z', version: 1,
    };
    const old = { seq: 1, at: item.receivedAt, actor: null, itemId: 1, data: { type: 'item.escalated', from: 'operator', to: 'sector_lead', reason: 'Жалоба' }, item };
    const parsed = ItemEvent.parse(old);
    expect(parsed.item.deadlines).toBeNull();
    expect(parsed.item.importance).toBe('normal');
  });

  it('extends an answer by whole positive days, with a reason', () => {
    const base = { mutationId: 'a1b2c3d4e5', itemId: 1, version: 1, reason: 'Нужна комиссия' };
    expect(ExtendInput.safeParse({ ...base, days: 30 }).success).toBe(true);
    expect(ExtendInput.safeParse({ ...base, days: 0 }).success).toBe(false);
    expect(ExtendInput.safeParse({ ...base, days: 2.5 }).success).toBe(false);
  });
});
