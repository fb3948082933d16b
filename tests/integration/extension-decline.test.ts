import type { Ack, ErrorBody, ItemDetail, MutationResult, NotificationDto, NotificationList } from '@okno/shared';
import { api, mutationId, openSocket } from '@okno/server/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimAndRoute, ingestItems, mutateItem, useWorkflowNode } from './workflow-helpers.js';

/**
 * Declining an executor's request for more time, over the socket and REST on a real database:
 * the request is cleared, the decline is in the timeline with its reason, the executor is told
 * and may ask again; only those who may grant an extension may decline one.
 */
const LOGINS = ['operator1', 'executor_housing', 'sector_lead', 'head'] as const;
type Login = (typeof LOGINS)[number];

const suite = useWorkflowNode(LOGINS);
let housing = 0;
beforeAll(() => {
  housing = suite.department('housing_committee');
});

const as = suite.as;
const detail = async (id: number) => (await api<ItemDetail>(suite.url, as('head'), `/api/items/${id}`)).body;
const mutate = (who: Login, id: number, action: string, body: Record<string, unknown> = {}) => mutateItem(suite.url, as(who), as('head'), id, action, body);
const decline = (who: Login, id: number, body: Record<string, unknown>) => mutate(who, id, 'extension-request/decline', body);
const why = (body: ErrorBody) => (body.details as { reason?: string } | undefined)?.reason;
const notices = async (who: Login, itemId: number) =>
  (await api<NotificationList>(suite.url, as(who), '/api/notifications')).body.notifications.filter((n) => n.itemId === itemId);

let counter = 0;
/** A 59-ФЗ appeal (extensions allowed) routed to the housing committee, with the executor's request pending. */
async function requested(): Promise<number> {
  const externalId = `decline-${process.pid}-${++counter}`;
  const made = await ingestItems(suite.url, [{ externalId, kind: 'appeal', channel: 'email', sector: 'housing', text: 'Протекает крыша' }]);
  const id = made.results[0]!.id;
  await claimAndRoute(suite.url, as('operator1'), as('head'), id, housing);
  const asked = await mutate('executor_housing', id, 'extension-request', { days: 20, reason: 'Нужна экспертиза подрядчика' });
  expect(asked.status, JSON.stringify(asked.body)).toBe(200);
  expect(asked.body.item.extensionRequest).not.toBeNull();
  return id;
}

describe('declining an extension request', () => {
  it('clears the request, logs the reason, tells the executor live, and lets the executor ask again', async () => {
    const id = await requested();
    const lead = await openSocket(suite.url, as('sector_lead'));
    const executor = await openSocket(suite.url, as('executor_housing'));
    try {
      const told = new Promise<NotificationDto>((resolve) => executor.on('notification:new', (n) => {
          if (n.itemId === id) resolve(n);
        }));
      const { version } = (await detail(id)).item;
      const ack = (await lead.emitWithAck('item:extension_decline', {
        mutationId: mutationId(),
        itemId: id,
        version,
        reason: '  Срок реален: подрядчик уже на объекте  ',
      })) as Ack<MutationResult>;
      expect(ack.ok, JSON.stringify(ack)).toBe(true);
      if (!ack.ok) return;
      expect(ack.data.item).toMatchObject({ extensionRequest: null, version: version + 1, deadlines: { extendedDays: 0 } });

      const notice = await told;
      expect(notice.kind).toBe('extension_declined');
      expect(notice.text).toContain('Срок реален: подрядчик уже на объекте');
      expect((await notices('executor_housing', id)).map((n) => n.kind)).toContain('extension_declined');
      expect((await notices('sector_lead', id)).map((n) => n.kind)).not.toContain('extension_declined');

      const { events, item } = await detail(id);
      expect(item.extensionRequest).toBeNull();
      const declined = events.find((e) => e.data.type === 'item.extension_declined')!;
      expect(declined.data).toEqual({ type: 'item.extension_declined', reason: 'Срок реален: подрядчик уже на объекте' });
      expect(declined.actor).toEqual(expect.objectContaining({ id: suite.ids.sector_lead }));
      expect(events.map((e) => e.data.type).slice(-2)).toEqual(['item.extension_requested', 'item.extension_declined']);
    } finally {
      lead.disconnect();
      executor.disconnect();
    }

    const again = await mutate('executor_housing', id, 'extension-request', { days: 10, reason: 'Экспертиза назначена на следующую неделю' });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.item.extensionRequest).toMatchObject({ days: 10, by: { id: suite.ids.executor_housing } });
    // The head may settle the new request too, this time over REST.
    const byHead = await decline('head', id, { reason: 'Продление не требуется' });
    expect([byHead.status, byHead.body.item?.extensionRequest]).toEqual([200, null]);
  });

  it('refuses when nothing is pending, to the executor who asked, to an operator, and without a reason', async () => {
    const id = await requested();
    const own = await decline('executor_housing', id, { reason: 'Передумал' });
    expect([own.status, own.body.code, why(own.body)]).toEqual([403, 'forbidden', 'not_lead']);
    const operator = await decline('operator1', id, { reason: 'Не нужно' });
    expect([operator.status, operator.body.code]).toEqual([403, 'forbidden']);
    const missing = await decline('sector_lead', id, {});
    expect([missing.status, missing.body.code]).toEqual([400, 'validation']);
    const blank = await decline('sector_lead', id, { reason: '   ' });
    expect([blank.status, blank.body.code]).toEqual([400, 'validation']);
    const stale = await api<ErrorBody>(suite.url, as('sector_lead'), `/api/items/${id}/extension-request/decline`, {
      mutationId: mutationId(),
      version: 1,
      reason: 'Срок реален',
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'conflict']);
    // None of the refusals touched the pending request.
    expect((await detail(id)).item.extensionRequest).toMatchObject({ days: 20, by: { id: suite.ids.executor_housing } });

    expect((await decline('sector_lead', id, { reason: 'Срок реален' })).status).toBe(200);
    const twice = await decline('sector_lead', id, { reason: 'Срок реален' });
    expect([twice.status, twice.body.code, why(twice.body)]).toEqual([409, 'invalid_transition', 'no_request']);
    const events = (await detail(id)).events.filter((e) => e.data.type === 'item.extension_declined');
    expect(events).toHaveLength(1);
  });
});
