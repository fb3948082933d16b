import type { Ack, DirectoryDto, ItemEvent, MutationResult } from '@okno/shared';
import { api, createTestDatabase, login, mutationId, openSocket, startNode, type ClientSocket, type TestDatabase } from '@okno/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Node = Awaited<ReturnType<typeof startNode>>;
let db: TestDatabase;
let a: Node;
let b: Node;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await startNode(db.url, { redis: true, nodeId: 'a' });
  b = await startNode(db.url, { redis: true, nodeId: 'b', seed: false });
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await db?.drop();
});

/** Resolves with the reason the socket was disconnected. */
const disconnected = (socket: ClientSocket): Promise<string> => new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

describe('sockets follow the session and the department', () => {
  it('closes the sockets of a session that logs out, on every node, and only those', async () => {
    const token = await login(a.url, 'operator1');
    const other = await login(a.url, 'operator1');
    const [onA, onB, otherSession] = await Promise.all([openSocket(a.url, token), openSocket(b.url, token), openSocket(b.url, other)]);
    const closed = Promise.all([disconnected(onA), disconnected(onB)]);
    expect((await api(a.url, token, '/api/auth/logout', {})).status).toBe(204);
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect']);
    expect(otherSession.connected).toBe(true);
    await expect(openSocket(b.url, token)).rejects.toThrow('unauthenticated');
    otherSession.close();
  });

  it('moves an executor’s live stream to the new department when an administrator reassigns them', async () => {
    const [admin, executor, operator] = await Promise.all([login(a.url, 'admin'), login(a.url, 'executor_housing'), login(a.url, 'operator1')]);
    const dir = (await api<DirectoryDto>(a.url, admin, '/api/directory')).body;
    const roads = dir.departments.find((d) => d.code === 'roads_dept')!;
    const person = dir.users.find((u) => u.login === 'executor_housing')!;
    const socket = await openSocket(b.url, executor);
    const gone = disconnected(socket);
    const res = await api(a.url, admin, `/api/routing/departments/${roads.id}/executors`, { userId: person.id });
    expect(res.status).toBe(200);
    expect(await gone).toBe('io server disconnect');

    // Reconnected, the socket joins the roads department's room and hears its items.
    const again = await openSocket(b.url, executor);
    const heard = new Promise<ItemEvent>((resolve) => again.on('item:event', (e) => e.item.departmentId === roads.id && resolve(e)));
    const items = await api<{ items: { id: number; status: string }[] }>(a.url, operator, '/api/items?status=new');
    const item = items.body.items[0]!;
    const claimed = await api<MutationResult>(a.url, operator, `/api/items/${item.id}/claim`, { mutationId: mutationId() });
    const ack = (await (await openSocket(a.url, operator)).emitWithAck('item:route', {
      mutationId: mutationId(),
      itemId: item.id,
      version: claimed.body.item.version,
      departmentId: roads.id,
    })) as Ack<MutationResult>;
    expect(ack.ok).toBe(true);
    expect((await heard).itemId).toBe(item.id);
    again.close();
  });
});
