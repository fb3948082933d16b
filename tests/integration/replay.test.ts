import type { Ack, ItemEvent, ItemSnapshot, MutationResult, SyncResult } from '@okno/shared';
import { api, createTestDatabase, login, mutationId, openSocket, startNode, type TestDatabase } from '@okno/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Node = Awaited<ReturnType<typeof startNode>>;
let db: TestDatabase;
let a: Node;
let b: Node;
let op1: string;
let op2: string;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await startNode(db.url, { redis: true, nodeId: 'node-a' });
  b = await startNode(db.url, { redis: true, seed: false, nodeId: 'node-b' });
  [op1, op2] = await Promise.all([login(a.url, 'operator1'), login(a.url, 'operator2')]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await db?.drop();
});

describe('replay from the event log', () => {
  it('gives a client that dropped off exactly the events it missed, in seq order, once', async () => {
    const watcher = await openSocket(b.url, op2);
    const live: ItemEvent[] = [];
    watcher.on('item:event', (e) => live.push(e));
    const snap = await api<ItemSnapshot>(a.url, op1, '/api/items');
    const items = snap.body.items.filter((i) => i.status === 'new').slice(0, 6);
    const actor = await openSocket(a.url, op1);

    // Two changes while connected…
    for (const item of items.slice(0, 2)) {
      const ack = (await actor.emitWithAck('item:claim', { mutationId: mutationId(), itemId: item.id })) as Ack<MutationResult>;
      expect(ack.ok).toBe(true);
    }
    await expect.poll(() => live.length).toBe(2);
    const lastSeen = live.at(-1)!.seq;
    watcher.disconnect(); // forced drop

    // …four while it is away…
    for (const item of items.slice(2)) {
      const ack = (await actor.emitWithAck('item:comment', { mutationId: mutationId(), itemId: item.id, text: 'пока вы были офлайн' })) as Ack<MutationResult>;
      expect(ack.ok).toBe(true);
    }
    // …then it reconnects to the other node and asks for what it missed.
    const back = await openSocket(a.url, op2);
    const sync = (await back.emitWithAck('sync', { sinceSeq: lastSeen })) as Ack<SyncResult>;
    expect(sync.ok).toBe(true);
    if (!sync.ok) return;
    expect(sync.data.reload).toBe(false);
    expect(sync.data.events.map((e) => e.data.type)).toEqual(Array(4).fill('item.commented'));
    const seqs = sync.data.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(4);
    expect(seqs[0]).toBeGreaterThan(lastSeen);
    actor.close();
    back.close();
  });

  it('tells a client to reload when the gap is too large to replay', async () => {
    const s = await openSocket(a.url, op1);
    const sync = (await s.emitWithAck('sync', { sinceSeq: 0 })) as Ack<SyncResult>;
    expect(sync.ok && sync.data.reload).toBe(true);
    s.close();
  });
});
