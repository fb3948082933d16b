import type { Ack, ItemSnapshot, MutationResult } from '@okno/shared';
import { api, createTestDatabase, login, mutationId, openSocket, startNode, type ClientSocket, type TestDatabase } from '@okno/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Node = Awaited<ReturnType<typeof startNode>>;
let db: TestDatabase;
const nodes: Node[] = [];
let sockets: ClientSocket[] = [];
const CLIENTS = 50;
const ROUNDS = 10;

beforeAll(async () => {
  db = await createTestDatabase();
  nodes.push(await startNode(db.url, { redis: true, nodeId: 'node-a' }));
  nodes.push(await startNode(db.url, { redis: true, seed: false, nodeId: 'node-b' }));
  const logins = ['operator1', 'operator2', 'sector_lead', 'head', 'smm', 'pos'];
  const tokens = await Promise.all(logins.map((l) => login(nodes[0]!.url, l)));
  sockets = await Promise.all(
    Array.from({ length: CLIENTS }, (_, i) => openSocket(nodes[i % 2]!.url, tokens[i % tokens.length]!)),
  );
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all(nodes.map((n) => n.close()));
  await db?.drop();
});

describe('claim race over two nodes', () => {
  it(`lets exactly one of ${CLIENTS} simultaneous claimers win, ${ROUNDS} times`, async () => {
    const token = await login(nodes[1]!.url, 'operator1');
    const snap = await api<ItemSnapshot>(nodes[1]!.url, token, '/api/items');
    const free = snap.body.items.filter((i) => !i.assignee && i.status === 'new').slice(0, ROUNDS);
    expect(free).toHaveLength(ROUNDS);
    for (const item of free) {
      const acks = (await Promise.all(
        sockets.map((s) => s.timeout(10_000).emitWithAck('item:claim', { mutationId: mutationId(), itemId: item.id })),
      )) as Ack<MutationResult>[];
      const wins = acks.filter((a) => a.ok);
      const refusals = acks.filter((a): a is Extract<Ack<MutationResult>, { ok: false }> => !a.ok);
      expect(wins).toHaveLength(1);
      expect(refusals).toHaveLength(CLIENTS - 1);
      // Refusals name the winner, in Russian, with the machine-readable code.
      const winner = wins[0]!.ok ? wins[0]!.data.item.assignee!.name : '';
      for (const r of refusals) {
        expect(['already_claimed']).toContain(r.error.code);
        if (!r.error.message.startsWith('Вы уже')) expect(r.error.message).toContain(winner);
      }
      const after = await api<{ events: { data: { type: string } }[] }>(nodes[0]!.url, token, `/api/items/${item.id}`);
      expect(after.body.events.filter((e) => e.data.type === 'item.claimed')).toHaveLength(1);
    }
  });
});
