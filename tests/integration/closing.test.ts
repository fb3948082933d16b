import type { DirectoryDto, ItemDetail, ItemDto, ItemEvent } from '@okno/shared';
import { api, createTestDatabase, login, openSocket, startNode, type TestDatabase } from '@okno/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimAndRoute, ingestItems, mutateItem, type MutationAnswer } from './workflow-helpers.js';

/** Closing with a result (CLOSE_RULES in shared/) and merged duplicates that follow their main item. */
type Node = Awaited<ReturnType<typeof startNode>>;
const LOGINS = ['operator1', 'operator2', 'executor_housing', 'sector_lead', 'analyst', 'pos'] as const;
type Login = (typeof LOGINS)[number];

let db: TestDatabase;
let node: Node;
const tokens = new Map<Login, string>();
let housing: number;

beforeAll(async () => {
  db = await createTestDatabase();
  node = await startNode(db.url);
  for (const l of LOGINS) tokens.set(l, await login(node.url, l));
  const dir = (await api<DirectoryDto>(node.url, tokens.get('operator1')!, '/api/directory')).body;
  housing = dir.departments.find((d) => d.code === 'housing_committee')!.id;
});
afterAll(async () => {
  await node?.close();
  await db?.drop();
});

const as = (who: Login) => tokens.get(who)!;
const detail = async (id: number): Promise<ItemDetail> => (await api<ItemDetail>(node.url, as('sector_lead'), `/api/items/${id}`)).body;
const item = async (id: number): Promise<ItemDto> => (await detail(id)).item;
const mutate = (who: Login, id: number, action: string, body: Record<string, unknown> = {}) => mutateItem(node.url, as(who), as('sector_lead'), id, action, body);
const reason = (a: MutationAnswer) => (a.body.details as { reason?: string } | undefined)?.reason;

let counter = 0;
async function ingest(n: number, channel = 'pos'): Promise<number[]> {
  const items = Array.from({ length: n }, () => ({
    externalId: `closing-${process.pid}-${++counter}`, kind: 'message', channel, sector: 'housing', text: 'Во дворе не убран снег',
  }));
  return (await ingestItems(node.url, items)).results.map((r) => r.id);
}

const route = (id: number) => claimAndRoute(node.url, as('operator1'), as('sector_lead'), id, housing);

describe('merging duplicates', () => {
  it('makes the duplicate follow its main item’s approved answer and closure, in the same mutation', async () => {
    const [main, dup, late] = await ingest(3);
    const [vkDup] = await ingest(1, 'vk');
    await route(main!);
    const merged = await mutate('operator1', dup!, 'close', { result: 'duplicate', mainItemId: main });
    expect(merged.body.item).toMatchObject({ status: 'closed', closeResult: 'duplicate', mergedIntoId: main });
    expect((await mutate('operator2', vkDup!, 'close', { result: 'duplicate', mainItemId: main })).status).toBe(200);
    expect((await detail(dup!)).events.at(-1)!.data).toEqual({ type: 'item.closed', result: 'duplicate', mainItemId: main, note: null });
    expect(reason(await mutate('executor_housing', main!, 'answer', { text: 'x' }))).toBeUndefined();
    expect(reason(await mutate('operator1', dup!, 'answer', { text: 'своё' }))).toBe('merged');

    await mutate('executor_housing', main!, 'answer', { text: 'Снег убран, двор очищен' });
    await mutate('executor_housing', main!, 'answer/submit');
    const watcher = await openSocket(node.url, as('operator2'));
    const seen: ItemEvent[] = [];
    watcher.on('item:event', (e) => seen.push(e));
    try {
      const approved = await mutate('operator1', main!, 'answer/approve');
      expect(approved.body.item).toMatchObject({ id: main, status: 'answered' });
      await expect.poll(() => seen.length).toBe(3);
      expect(seen.map((e) => [e.itemId, e.data.type])).toEqual([
        [dup, 'item.followed_main'],
        [vkDup, 'item.followed_main'],
        [main, 'item.answer_approved'],
      ]);
      expect(seen[2]!.seq).toBe(approved.body.seq);
    } finally {
      watcher.close();
    }
    const follower = await item(dup!);
    expect(follower).toMatchObject({ status: 'answered', answer: { text: 'Снег убран, двор очищен', state: 'approved', sentVia: 'pos', fromItemId: main } });
    expect((await item(vkDup!)).answer).toMatchObject({ sentVia: 'vk', fromItemId: main });

    // An item merged into an answered main takes its answer at once.
    const lateMerge = await mutate('operator1', late!, 'close', { result: 'duplicate', mainItemId: main });
    expect(lateMerge.body.item).toMatchObject({ status: 'closed', answer: { state: 'approved', fromItemId: main } });

    const closed = await mutate('operator1', main!, 'close', { result: 'resolved' });
    expect(closed.body.item).toMatchObject({ id: main, status: 'closed', closeResult: 'resolved' });
    for (const id of [dup!, vkDup!, late!]) {
      expect(await item(id)).toMatchObject({ status: 'closed', closeResult: 'duplicate', mergedIntoId: main });
    }
    expect((await detail(dup!)).events.filter((e) => e.data.type === 'item.followed_main')).toHaveLength(2);

    const reopened = await mutate('sector_lead', main!, 'status', { status: 'in_work' });
    expect(reopened.body.item.status).toBe('in_work');
    expect(await item(dup!)).toMatchObject({ status: 'in_work', mergedIntoId: main, answer: { state: 'draft' } });
  });

  it('addresses the answer a duplicate takes to its own citizen, never to the main item’s', async () => {
    const people = ['Жуков Павел Андреевич', 'Андреева Марина Олеговна'];
    const [main, dup] = (
      await ingestItems(
        node.url,
        people.map((authorName) => ({ externalId: `closing-${process.pid}-${++counter}`, kind: 'message', channel: 'pos', sector: 'housing', text: 'Течёт крыша', authorName })),
      )
    ).results.map((r) => r.id);
    await route(main!);
    expect((await mutate('operator1', dup!, 'close', { result: 'duplicate', mainItemId: main })).status).toBe(200);
    await mutate('executor_housing', main!, 'answer', { text: 'Здравствуйте, Жуков Павел А.! Павлу Андреевичу сообщаем: крыша отремонтирована.' });
    await mutate('executor_housing', main!, 'answer/submit');
    expect((await mutate('operator1', main!, 'answer/approve')).status).toBe(200);

    expect((await item(main!)).answer!.text).toBe('Здравствуйте, Жуков Павел А.! Павлу Андреевичу сообщаем: крыша отремонтирована.');
    const sent = (await item(dup!)).answer!;
    expect(sent).toMatchObject({ state: 'approved', fromItemId: main, sentVia: 'pos' });
    expect(sent.text).toBe('Здравствуйте, Андреева Марина Олеговна! Андреева Марина Олеговна сообщаем: крыша отремонтирована.');
    // …and an analyst sees the duplicate's own citizen masked in it.
    const masked = (await api<ItemDetail>(node.url, as('analyst'), `/api/items/${dup}`)).body.item.answer!.text;
    expect(masked).toBe('Здравствуйте, А*** М*** О***! А*** М*** О*** сообщаем: крыша отремонтирована.');
  });

  it('refuses a duplicate of itself, of a closed item, and of an item merged elsewhere; re-points followers when a main is merged', async () => {
    const [a, b, c, closedOne] = await ingest(4);
    const self = await mutate('operator1', a!, 'close', { result: 'duplicate', mainItemId: a });
    expect([self.status, reason(self)]).toEqual([400, 'main_is_self']);
    expect(reason(await mutate('operator1', a!, 'close', { result: 'duplicate' }))).toBe('main_required');
    const missing = await mutate('operator1', a!, 'close', { result: 'duplicate', mainItemId: 999_999 });
    expect([missing.status, missing.body.code, missing.body.message]).toEqual([404, 'not_found', 'Основная запись № 999999 не найдена или недоступна — проверьте номер']);
    expect((await mutate('operator1', closedOne!, 'close', { result: 'spam' })).status).toBe(200);
    expect(reason(await mutate('operator1', a!, 'close', { result: 'duplicate', mainItemId: closedOne }))).toBe('main_closed');

    expect((await mutate('operator1', b!, 'close', { result: 'duplicate', mainItemId: a })).status).toBe(200);
    expect(reason(await mutate('operator1', c!, 'close', { result: 'duplicate', mainItemId: b }))).toBe('main_closed');
    // a is merged into c: its follower b now follows c.
    expect((await mutate('operator1', a!, 'close', { result: 'duplicate', mainItemId: c })).status).toBe(200);
    expect((await item(b!)).mergedIntoId).toBe(c);
  });
});

describe('closing results by role (CLOSE_RULES)', () => {
  it('lets the operators’ step close spam while new or in work, but not executors or analysts, nor once routed', async () => {
    const [forOperator, forPos, forAnalyst, routedOne] = await ingest(4);
    expect((await mutate('operator1', forOperator!, 'close', { result: 'spam' })).body.item).toMatchObject({ status: 'closed', closeResult: 'spam' });
    expect((await mutate('pos', forPos!, 'close', { result: 'spam' })).status).toBe(200);
    const analyst = await mutate('analyst', forAnalyst!, 'close', { result: 'spam' });
    expect([analyst.status, reason(analyst)]).toEqual([403, 'forbidden_role']);
    await route(routedOne!);
    const executor = await mutate('executor_housing', routedOne!, 'close', { result: 'spam' });
    expect([executor.status, reason(executor)]).toEqual([403, 'forbidden_role']);
    const late = await mutate('operator1', routedOne!, 'close', { result: 'spam' });
    expect([late.status, reason(late)]).toEqual([409, 'wrong_status']);
  });

  it('requires a note naming where a redirected item went, and keeps it in the event', async () => {
    const [id] = await ingest(1);
    const bare = await mutate('operator1', id!, 'close', { result: 'redirected' });
    expect([bare.status, bare.body.code, reason(bare)]).toEqual([400, 'validation', 'note_required']);
    expect((await item(id!)).status).toBe('new');
    const done = await mutate('operator1', id!, 'close', { result: 'redirected', note: 'Госжилинспекция области' });
    expect(done.body.item).toMatchObject({ status: 'closed', closeResult: 'redirected' });
    expect((await detail(id!)).events.at(-1)!.data).toEqual({ type: 'item.closed', result: 'redirected', mainItemId: null, note: 'Госжилинспекция области' });
  });
});
