import type { Ack, ItemSnapshot, MutationResult } from '@okno/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Okno } from '../../app.js';
import { api, createTestDatabase, login, mutationId, openSocket, startNode, type TestDatabase } from '../../testing/harness.js';

let db: TestDatabase;
let node: Okno;
let op1: string;
let op2: string;

beforeAll(async () => {
  db = await createTestDatabase();
  node = await startNode(db.url);
  [op1, op2] = await Promise.all([login(node.url, 'operator1'), login(node.url, 'operator2')]);
});
afterAll(async () => {
  await node?.close();
  await db?.drop();
});

async function newItemId(): Promise<number> {
  const snap = await api<ItemSnapshot>(node.url, op1, '/api/items');
  const free = snap.body.items.filter((i) => i.status === 'new' && !i.assignee);
  const pick = free[Math.floor(Math.random() * free.length)];
  if (!pick) throw new Error('no free item in the seed');
  return pick.id;
}

describe('items over REST', () => {
  it('applies migrations to an empty database and seeds a queue', async () => {
    const snap = await api<ItemSnapshot>(node.url, op1, '/api/items');
    expect(snap.status).toBe(200);
    expect(snap.body.items.length).toBeGreaterThanOrEqual(200);
    expect(snap.body.seq).toBeGreaterThanOrEqual(snap.body.items.length);
  });

  it('refuses a second claim with already_claimed naming the holder', async () => {
    const id = await newItemId();
    const first = await api<MutationResult>(node.url, op1, `/api/items/${id}/claim`, { mutationId: mutationId() });
    expect(first.status).toBe(200);
    expect(first.body.item.status).toBe('in_work');
    const second = await api<{ code: string; message: string }>(node.url, op2, `/api/items/${id}/claim`, { mutationId: mutationId() });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('already_claimed');
    expect(second.body.message).toContain(first.body.item.assignee!.name);
  });

  it('answers a retried mutation id with the first result and applies it once', async () => {
    const id = await newItemId();
    const mid = mutationId();
    const a = await api<MutationResult>(node.url, op1, `/api/items/${id}/comment`, { mutationId: mid, text: 'Проверить адрес' });
    const b = await api<MutationResult>(node.url, op1, `/api/items/${id}/comment`, { mutationId: mid, text: 'Проверить адрес' });
    expect(b.status).toBe(200);
    expect(b.body).toEqual(a.body);
    const details = await api<{ comments: unknown[] }>(node.url, op1, `/api/items/${id}`);
    expect(details.body.comments).toHaveLength(1);
  });

  it('refuses a stale version with conflict saying who changed it', async () => {
    const id = await newItemId();
    const claimed = await api<MutationResult>(node.url, op1, `/api/items/${id}/claim`, { mutationId: mutationId() });
    const stale = claimed.body.item.version - 1;
    const res = await api<{ code: string; message: string; details: { currentVersion: number } }>(
      node.url,
      op1,
      `/api/items/${id}/escalate`,
      { mutationId: mutationId(), version: stale, reason: 'Повторная жалоба' },
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('conflict');
    expect(res.body.message).toContain('взял(а) в работу');
    expect(res.body.details.currentVersion).toBe(claimed.body.item.version);
  });

  it('answers malformed bodies with validation, never a crash', async () => {
    const id = await newItemId();
    const cases: unknown[] = [{}, { mutationId: 'x' }, { mutationId: mutationId(), version: -1 }, 'not json'];
    for (const body of cases) {
      const res = await api<{ code: string }>(node.url, op1, `/api/items/${id}/release`, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation');
    }
    const bad = await api<{ code: string }>(node.url, op1, '/api/items/abc', undefined);
    expect(bad.status).toBe(400);
  });

  it('keeps a comment and its event together: a refused mutation writes nothing', async () => {
    const id = await newItemId();
    const before = await api<{ events: unknown[] }>(node.url, op1, `/api/items/${id}`);
    const res = await api<{ code: string }>(node.url, op1, `/api/items/${id}/status`, { mutationId: mutationId(), version: 999, status: 'closed' });
    expect(res.body.code).toBe('conflict');
    const after = await api<{ events: unknown[] }>(node.url, op1, `/api/items/${id}`);
    expect(after.body.events).toHaveLength(before.body.events.length);
  });
});

describe('items over the socket', () => {
  it('answers malformed payloads with a validation ack', async () => {
    const socket = await openSocket(node.url, op1);
    try {
      const ack = (await socket.timeout(5000).emitWithAck('item:claim', { itemId: 'nope' } as never)) as Ack<MutationResult>;
      expect(ack.ok).toBe(false);
      if (!ack.ok) expect(ack.error.code).toBe('validation');
    } finally {
      socket.close();
    }
  });

  it('delivers a claim to another operator live', async () => {
    const id = await newItemId();
    const [a, b] = await Promise.all([openSocket(node.url, op1), openSocket(node.url, op2)]);
    try {
      const seen = new Promise((resolve) => b.on('item:event', (e) => e.itemId === id && e.data.type === 'item.claimed' && resolve(e)));
      const ack = (await a.timeout(5000).emitWithAck('item:claim', { mutationId: mutationId(), itemId: id })) as Ack<MutationResult>;
      expect(ack.ok).toBe(true);
      await expect(seen).resolves.toMatchObject({ item: { id, status: 'in_work' } });
    } finally {
      a.close();
      b.close();
    }
  });
});
