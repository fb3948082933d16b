import type { Ack, ItemDetail, ItemEvent, ItemSnapshot, MutationResult } from '@okno/shared';
import { api, createTestDatabase, login, mutationId, openSocket, startNode, type ClientSocket, type TestDatabase } from '@okno/server/testing';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Node = Awaited<ReturnType<typeof startNode>>;
let db: TestDatabase;
let node: Node;
let op1: string;
let watcher: ClientSocket;
const heard: ItemEvent[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  node = await startNode(db.url);
  op1 = await login(node.url, 'operator1');
  watcher = await openSocket(node.url, await login(node.url, 'operator2'));
  watcher.on('item:event', (e) => heard.push(e));
});
afterAll(async () => {
  watcher?.close();
  await node?.close();
  await db?.drop();
});

/** A client like the browser's: websocket only, reconnecting by itself. */
async function reconnectingClient(): Promise<ClientSocket> {
  const socket: ClientSocket = connect(node.url, {
    transports: ['websocket'],
    auth: { token: op1 },
    forceNew: true,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('hello', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

const nextHello = (socket: ClientSocket) => new Promise<void>((resolve) => socket.once('hello', () => resolve()));

/** Items no other test has touched (comments leave the status as it was). */
const handedOut = new Set<number>();
async function freeItems(n: number): Promise<number[]> {
  const snap = await api<ItemSnapshot>(node.url, op1, '/api/items');
  const ids = snap.body.items.filter((i) => !handedOut.has(i.id)).slice(0, n).map((i) => i.id);
  for (const id of ids) handedOut.add(id);
  return ids;
}

async function commentsAndEvents(itemId: number) {
  const { body } = await api<ItemDetail>(node.url, op1, `/api/items/${itemId}`);
  return { comments: body.comments, commented: body.events.filter((e) => e.data.type === 'item.commented') };
}

describe('offline retry', () => {
  it('an action made while offline is sent once on reconnect', async () => {
    const [itemId] = await freeItems(1);
    const socket = await reconnectingClient();
    try {
      const input = { mutationId: mutationId(), itemId: itemId!, text: 'Связался с УК, ждём ответа' };
      const reconnected = nextHello(socket);
      const lost = socket.emitWithAck('item:comment', input);
      socket.io.engine.close(); // the connection dies after the packet left, before the ack came back
      await expect(lost).rejects.toThrow('socket has been disconnected');

      // The server did apply it: everyone else heard the comment.
      await expect.poll(() => heard.filter((e) => e.itemId === itemId && e.data.type === 'item.commented').length).toBe(1);
      const first = heard.find((e) => e.itemId === itemId && e.data.type === 'item.commented')!;

      // Back online, the client sends the same mutation again.
      await reconnected;
      const second = (await socket.timeout(5000).emitWithAck('item:comment', input)) as Ack<MutationResult>;
      expect(second).toEqual({ ok: true, data: { item: first.item, seq: first.seq } });
      const third = (await socket.timeout(5000).emitWithAck('item:comment', input)) as Ack<MutationResult>;
      expect(third).toEqual(second);

      const { comments, commented } = await commentsAndEvents(itemId!);
      expect(comments.map((c) => c.text)).toEqual([input.text]);
      expect(commented.map((e) => e.seq)).toEqual([first.seq]);
      await new Promise((r) => setTimeout(r, 200));
      expect(heard.filter((e) => e.itemId === itemId && e.data.type === 'item.commented')).toHaveLength(1);
    } finally {
      socket.close();
    }
  });

  it('applies a mutation once when the re-send races the lost original', async () => {
    const itemIds = await freeItems(5);
    const socket = await reconnectingClient();
    try {
      for (const itemId of itemIds) {
        const input = { mutationId: mutationId(), itemId, text: `Повтор при обрыве связи ${itemId}` };
        const reconnected = nextHello(socket);
        const lost = socket.emitWithAck('item:comment', input);
        socket.io.engine.close();
        await expect(lost).rejects.toThrow('socket has been disconnected');
        await reconnected; // re-send at once, whether or not the original has committed yet
        const retried = (await socket.timeout(5000).emitWithAck('item:comment', input)) as Ack<MutationResult>;
        expect(retried.ok).toBe(true);
        if (!retried.ok) continue;
        const { comments, commented } = await commentsAndEvents(itemId);
        expect(comments).toHaveLength(1);
        expect(commented).toHaveLength(1);
        expect(retried.data.seq).toBe(commented[0]!.seq);
        expect(retried.data.item).toEqual(commented[0]!.item);
      }
    } finally {
      socket.close();
    }
  });

  it('refuses another user reusing a mutation id instead of answering with their result', async () => {
    const [itemId] = await freeItems(1);
    const input = { mutationId: mutationId(), itemId: itemId!, text: 'Моя заметка' };
    const mine = await openSocket(node.url, op1);
    const theirs = await openSocket(node.url, await login(node.url, 'sector_lead'));
    try {
      expect(((await mine.emitWithAck('item:comment', input)) as Ack<MutationResult>).ok).toBe(true);
      const reused = (await theirs.emitWithAck('item:comment', input)) as Ack<MutationResult>;
      expect(!reused.ok && reused.error.code).toBe('validation');
      expect((await commentsAndEvents(itemId!)).comments).toHaveLength(1);
    } finally {
      mine.close();
      theirs.close();
    }
  });
});
