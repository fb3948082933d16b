import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startNode, type TestDatabase } from '../../testing/harness.js';
import { pruneAppliedMutations } from './prune.js';

type Node = Awaited<ReturnType<typeof startNode>>;
let db: TestDatabase;
let node: Node;
let client: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase();
  node = await startNode(db.url, { seed: false });
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await node?.close();
  await db?.drop();
});

describe('pruning applied mutation ids', () => {
  it('forgets ids older than the retention and keeps newer ones', async () => {
    const insert = (id: string, daysAgo: number) =>
      client.query(`insert into applied_mutation (id, user_id, result, created_at) values ($1, 1, '{}', now() - make_interval(days => $2))`, [id, daysAgo]);
    for (let i = 0; i < 12; i++) await insert(`old-mutation-${i}`, 40);
    await insert('fresh-mutation', 1);
    const pruned = await pruneAppliedMutations(node.deps.orm, new Date(Date.now() - 30 * 86_400_000));
    expect(pruned).toBe(12);
    const { rows } = await client.query<{ id: string }>('select id from applied_mutation order by id');
    expect(rows.map((r) => r.id)).toEqual(['fresh-mutation']);
  });
});
