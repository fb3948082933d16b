import type {
  Ack,
  AnswerTemplateDto,
  AnswerTemplateList,
  AttachmentDto,
  DepartmentQualityList,
  ErrorBody,
  ItemDetail,
  ItemDto,
  MutationResult,
  NotificationList,
} from '@okno/shared';
import { renderTemplate, templateContext } from '@okno/shared';
import { api, mutationId, openSocket, type ClientSocket } from '@okno/server/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimAndRoute, ingestItems, ingestRatings, mutateItem, query, request, useWorkflowNode } from './workflow-helpers.js';

/**
 * The answer loop over REST and the socket on a real database: route → draft with a file →
 * submit → return → fix → approve (sent through the item's channel) → close → the citizen's
 * 1 through the ingest API reopens it → the department's quality counts it.
 */
const LOGINS = ['operator1', 'operator2', 'executor_housing', 'executor_roads', 'sector_lead', 'analyst', 'head'] as const;
type Login = (typeof LOGINS)[number];

const suite = useWorkflowNode(LOGINS);
let housing = 0;
let roads = 0;
beforeAll(() => {
  housing = suite.department('housing_committee');
  roads = suite.department('roads_dept');
});

const as = suite.as;
const item = async (id: number, who: Login = 'head'): Promise<ItemDto> => (await api<ItemDetail>(suite.url, as(who), `/api/items/${id}`)).body.item;
const mutate = (who: Login, id: number, action: string, body: Record<string, unknown> = {}) => mutateItem(suite.url, as(who), as('head'), id, action, body);
const emit = async (socket: ClientSocket, event: 'item:answer_save' | 'item:answer_return', input: Record<string, unknown>) =>
  (await socket.emitWithAck(event as 'item:answer_save', input as never)) as Ack<MutationResult>;

let counter = 0;
/** Ingested and routed to a department by operator1 (claim, then route). */
async function routed(departmentId: number, extra: Record<string, unknown> = {}): Promise<{ id: number; externalId: string }> {
  const externalId = `answers-${process.pid}-${++counter}`;
  const made = await ingestItems(suite.url, [{ externalId, kind: 'message', channel: 'pos', sector: 'housing', text: 'Нет горячей воды в доме', ...extra }]);
  const id = made.results[0]!.id;
  await claimAndRoute(suite.url, as('operator1'), as('head'), id, departmentId);
  return { id, externalId };
}

async function upload(who: Login, itemId: number, name: string, bytes: Uint8Array): Promise<{ status: number; body: AttachmentDto & ErrorBody }> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), name);
  const res = await fetch(`${suite.url}/api/answers/attachments?itemId=${itemId}`, { method: 'POST', headers: { authorization: `Bearer ${as(who)}` }, body: form });
  return { status: res.status, body: (await res.json()) as AttachmentDto & ErrorBody };
}

const notices = async (who: Login, itemId: number) =>
  (await api<NotificationList>(suite.url, as(who), '/api/notifications')).body.notifications.filter((n) => n.itemId === itemId).map((n) => n.kind);

describe('the answer loop', () => {
  it('routes, drafts with a file, submits, returns, fixes, approves, closes, and a citizen’s 1 reopens it against the department', async () => {
    const { id, externalId } = await routed(housing);
    const executor = await openSocket(suite.url, as('executor_housing'));
    const operator = await openSocket(suite.url, as('operator1'));
    try {
      const pdf = new TextEncoder().encode('%PDF-1.4 акт выполненных работ');
      const file = await upload('executor_housing', id, 'Акт осмотра.pdf', pdf);
      expect(file.status).toBe(200);
      expect(file.body).toMatchObject({ name: 'Акт осмотра.pdf', size: pdf.length, mime: 'application/pdf' });

      const before = (await item(id)).version;
      const draft = await emit(executor, 'item:answer_save', { mutationId: mutationId(), itemId: id, version: before, text: 'Черновик', attachmentIds: [file.body.id] });
      expect(draft.ok && draft.data.item.answer).toMatchObject({ text: 'Черновик', state: 'draft', attachments: [file.body], author: { id: suite.ids.executor_housing } });
      expect(draft.ok && draft.data.item.version).toBe(before + 1); // the answer is part of the item: saving it moves the version

      const submitted = await mutate('executor_housing', id, 'answer/submit');
      expect(submitted.body.item).toMatchObject({ status: 'answer_review', answer: { state: 'submitted' } });
      expect(await notices('operator1', id)).toContain('answer_submitted');

      const returned = await emit(operator, 'item:answer_return', { mutationId: mutationId(), itemId: id, version: submitted.body.item.version, comment: 'Укажите срок ремонта' });
      expect(returned.ok && returned.data.item).toMatchObject({ status: 'routed', returnCount: 1, answer: { state: 'returned' } });
      await expect.poll(() => notices('executor_housing', id)).toContain('answer_returned');

      const fixed = await mutate('executor_housing', id, 'answer', { text: 'Подача горячей воды восстановлена 2 декабря', attachmentIds: [file.body.id] });
      expect(fixed.body.item.answer).toMatchObject({ state: 'returned', text: 'Подача горячей воды восстановлена 2 декабря' });
      expect((await mutate('executor_housing', id, 'answer/submit')).status).toBe(200);

      const approved = await mutate('operator1', id, 'answer/approve');
      expect(approved.status).toBe(200);
      expect(approved.body.item).toMatchObject({ status: 'answered', answer: { state: 'approved', sentVia: 'pos' } });
      expect(approved.body.item.answer!.sentAt).not.toBeNull();
      expect(await notices('executor_housing', id)).toContain('answer_approved');

      const seen = await api<ItemDetail>(suite.url, as('executor_housing'), `/api/items/${id}`);
      expect(seen.body.item.answer?.attachments).toEqual([file.body]);
      const types = seen.body.events.map((e) => e.data.type);
      expect(types.filter((t) => t.startsWith('item.answer_'))).toEqual([
        'item.answer_saved', 'item.answer_submitted', 'item.answer_returned', 'item.answer_saved', 'item.answer_submitted', 'item.answer_approved',
      ]);
      expect(seen.body.events.find((e) => e.data.type === 'item.answer_returned')!.data).toEqual({ type: 'item.answer_returned', comment: 'Укажите срок ремонта', count: 1 });
      const download = await fetch(`${suite.url}/api/answers/attachments/${file.body.id}`, { headers: { authorization: `Bearer ${as('executor_housing')}` } });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Акт осмотра.pdf')}`);
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
      const stranger = await fetch(`${suite.url}/api/answers/attachments/${file.body.id}`, { headers: { authorization: `Bearer ${as('executor_roads')}` } });
      expect(stranger.status).toBe(404);

      const closed = await mutate('operator1', id, 'close', { result: 'resolved' });
      expect(closed.body.item).toMatchObject({ status: 'closed', closeResult: 'resolved' });

      const rated = await ingestRatings(suite.url, [{ externalId, score: 1, comment: 'Вода так и не появилась' }, { externalId: 'нет-такого', score: 5 }]);
      expect(rated.results).toEqual([
        { externalId, ok: true, itemId: id },
        { externalId: 'нет-такого', ok: false, itemId: null, code: 'not_found', message: expect.any(String) },
      ]);
      const reopened = await item(id, 'executor_housing');
      expect(reopened).toMatchObject({ status: 'routed', closeResult: null, rating: { score: 1, source: 'ingest' }, answer: { state: 'draft' } });
      expect(reopened.deadlines?.riskState).toBe('on_time');
      expect(await notices('executor_housing', id)).toContain('rated_low');
      expect(await notices('sector_lead', id)).toContain('rated_low');
      const rows = (await api<{ items: ItemDto[] }>(suite.url, as('executor_housing'), '/api/items')).body.items;
      expect(rows.find((i) => i.id === id)?.status).toBe('routed');
      const last = (await api<ItemDetail>(suite.url, as('head'), `/api/items/${id}`)).body.events.at(-1)!;
      expect(last.data).toEqual({ type: 'item.rated', score: 1, comment: 'Вода так и не появилась', source: 'ingest', reopened: true });
      expect(last.actor).toBeNull();

      const again = await ingestRatings(suite.url, [{ externalId, score: 1 }]);
      expect(again.results[0]).toMatchObject({ ok: false, itemId: id, code: 'invalid_transition' });

      const quality = await api<DepartmentQualityList>(suite.url, as('analyst'), '/api/answers/department-quality');
      expect(quality.body.departments.find((d) => d.departmentId === housing)).toEqual({
        departmentId: housing, ratings: 1, averageScore: 1, lowRatings: 1, returnedAnswers: 1,
      });
      expect((await api(suite.url, as('executor_housing'), '/api/answers/department-quality')).status).toBe(403);
    } finally {
      executor.close();
      operator.close();
    }
  });

  it('records a call-centre rating of 3–5 without reopening, once per answer sent', async () => {
    const { id } = await routed(housing);
    await mutate('executor_housing', id, 'answer', { text: 'Ответ дан' });
    await mutate('executor_housing', id, 'answer/submit');
    await mutate('operator2', id, 'answer/approve');
    const rate = (who: Login, score: number) => api<MutationResult & ErrorBody>(suite.url, as(who), `/api/items/${id}/rate`, { mutationId: mutationId(), score });
    expect((await rate('executor_housing', 4)).body.code).toBe('forbidden');
    const ok = await rate('operator1', 4);
    expect(ok.body.item).toMatchObject({ status: 'answered', rating: { score: 4, source: 'call_centre' } });
    expect((await rate('operator1', 2)).body.code).toBe('duplicate');
  });
});

describe('answer refusals', () => {
  it('refuses an executor approving, a stale version, one’s own answer, and closing resolved before an answer', async () => {
    const { id } = await routed(housing);
    await mutate('executor_housing', id, 'answer', { text: 'Ответ' });
    await mutate('executor_housing', id, 'answer/submit');
    const byExecutor = await mutate('executor_housing', id, 'answer/approve');
    expect([byExecutor.status, byExecutor.body.code, (byExecutor.body.details as { reason: string }).reason]).toEqual([403, 'forbidden', 'not_reviewer']);

    const stale = await api<ErrorBody>(suite.url, as('operator1'), `/api/items/${id}/answer/approve`, { mutationId: mutationId(), version: 1 });
    expect([stale.status, stale.body.code]).toEqual([409, 'conflict']);
    expect((await item(id)).status).toBe('answer_review');

    const { id: other } = await routed(roads);
    const early = await mutate('operator1', other, 'close', { result: 'resolved' });
    expect([early.status, early.body.code]).toEqual([409, 'invalid_transition']);
    await mutate('operator1', other, 'answer', { text: 'Ответ оператора' });
    await mutate('operator1', other, 'answer/submit');
    const own = await mutate('operator1', other, 'answer/approve');
    expect([own.status, (own.body.details as { reason: string }).reason]).toEqual([403, 'own_answer']);
    expect((await mutate('operator2', other, 'answer/approve')).body.item.status).toBe('answered');
    expect((await mutate('executor_roads', other, 'answer', { text: 'поздно' })).body.code).toBe('invalid_transition');
  });

  it('refuses to submit or approve an answer with unfilled template placeholders; a draft with them is saved', async () => {
    // QA repro: an incident without an address, answered with a housing template.
    const { id } = await routed(housing, { kind: 'incident', channel: 'vk', authorName: 'Иванова М. П.' });
    const templates = (await api<AnswerTemplateList>(suite.url, as('executor_housing'), '/api/answers/templates?sector=housing')).body.templates;
    const template = templates.find((t) => t.title === 'ЖКХ: неисправность устранена')!;
    const card = await item(id, 'executor_housing');
    expect(card.address).toBeNull();
    const rendered = renderTemplate(template.body, templateContext(card, { departmentName: 'Комитет ЖКХ', executorName: 'Белова Н. С.' })).text;
    expect(rendered).toContain('по адресу {{адрес}} проведено обследование');

    const draft = await mutate('executor_housing', id, 'answer', { text: rendered });
    expect([draft.status, draft.body.item?.answer?.state]).toEqual([200, 'draft']);
    const executor = await openSocket(suite.url, as('executor_housing'));
    try {
      const ack = await executor.emitWithAck('item:answer_submit', { mutationId: mutationId(), itemId: id, version: draft.body.item.version });
      expect(ack).toEqual({
        ok: false,
        error: {
          code: 'validation',
          message: 'В ответе остались незаполненные поля шаблона: {{адрес}}. Заполните их перед отправкой.',
          details: { field: 'text', placeholders: ['адрес'] },
        },
      });
    } finally {
      executor.close();
    }
    const overRest = await mutate('executor_housing', id, 'answer/submit');
    expect([overRest.status, overRest.body.code, overRest.body.details]).toEqual([400, 'validation', { field: 'text', placeholders: ['адрес'] }]);
    expect(await item(id)).toMatchObject({ status: 'routed', answer: { state: 'draft' } });

    const filled = rendered.replace('{{адрес}}', 'ул. Ленина, 5');
    await mutate('executor_housing', id, 'answer', { text: filled });
    expect((await mutate('executor_housing', id, 'answer/submit')).body.item).toMatchObject({ status: 'answer_review', answer: { state: 'submitted' } });

    // An answer submitted before this check existed still holds a placeholder: the reviewer may not send it.
    await query(suite.dbUrl, 'update item_answer set text = $1 where item_id = $2', ['Адрес: {{адрес}}, срок: {{ Срок }}', id]);
    const approve = await mutate('operator1', id, 'answer/approve');
    expect([approve.status, approve.body.code, approve.body.message, approve.body.details]).toEqual([
      400,
      'validation',
      'В ответе остались незаполненные поля шаблона: {{адрес}}, {{срок}}. Верните ответ исполнителю на доработку.',
      { field: 'text', placeholders: ['адрес', 'срок'] },
    ]);
    const after = (await api<ItemDetail>(suite.url, as('head'), `/api/items/${id}`)).body;
    expect(after.item).toMatchObject({ status: 'answer_review', answer: { state: 'submitted', sentAt: null } });
    expect(after.events.map((e) => e.data.type)).not.toContain('item.answer_approved');
  });

  it('refuses a file over 10 MB, and an upload by another department’s executor', async () => {
    const { id } = await routed(housing);
    const big = await upload('executor_housing', id, 'big.pdf', new Uint8Array(10 * 1024 * 1024 + 1));
    expect([big.status, big.body.code]).toEqual([413, 'too_large']);
    const stranger = await upload('executor_roads', id, 'a.pdf', new Uint8Array(10));
    expect([stranger.status, stranger.body.code]).toEqual([404, 'not_found']);
    const foreign = await upload('executor_housing', (await routed(housing)).id, 'b.pdf', new Uint8Array(10));
    const linked = await mutate('executor_housing', id, 'answer', { text: 'x', attachmentIds: [foreign.body.id] });
    expect([linked.status, linked.body.code]).toEqual([400, 'validation']);
  });
});

describe('extension requests and interim answers by the department', () => {
  it('lets the executor ask for more time, tells the sector lead, and a granted extension settles the request', async () => {
    const { id } = await routed(housing, { kind: 'appeal', channel: 'email' });
    const asked = await mutate('executor_housing', id, 'extension-request', { days: 20, reason: 'Нужна экспертиза подрядчика' });
    expect(asked.body.item.extensionRequest).toMatchObject({ days: 20, reason: 'Нужна экспертиза подрядчика', by: { id: suite.ids.executor_housing } });
    expect(await notices('sector_lead', id)).toContain('extension_requested');
    expect((await mutate('operator1', id, 'extension-request', { days: 5, reason: 'просьба' })).body.code).toBe('forbidden');
    const granted = await mutate('sector_lead', id, 'extend', { days: 20, reason: 'Экспертиза подрядчика' });
    expect(granted.body.item).toMatchObject({ extensionRequest: null, deadlines: { extendedDays: 20 } });
  });

  it('lets the department’s executor give the interim answer to an incident', async () => {
    const { id } = await routed(housing, { kind: 'incident', channel: 'vk' });
    const raw = await mutate('executor_housing', id, 'interim', { text: 'Бригада выехала по адресу {{адрес}}' });
    expect([raw.status, raw.body.code, (raw.body.details as { placeholders?: string[] }).placeholders]).toEqual([400, 'validation', ['адрес']]);
    const interim = await mutate('executor_housing', id, 'interim', { text: 'Бригада выехала' });
    expect(interim.status).toBe(200);
    expect(interim.body.item.deadlines?.interimAnsweredAt).not.toBeNull();
  });
});

describe('canned answers', () => {
  const path = '/api/answers/templates';
  const send = (who: Login, method: 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
    request<AnswerTemplateDto & ErrorBody>(suite.url, as(who), method, url, body);

  it('lets a sector lead edit only their sectors’ templates, checks placeholders and versions, and serves them by sector', async () => {
    const starters = (await api<AnswerTemplateList>(suite.url, as('executor_roads'), `${path}?sector=roads`)).body.templates;
    expect(starters.length).toBeGreaterThanOrEqual(3);
    expect(new Set(starters.map((t) => t.sector))).toEqual(new Set(['roads', null]));

    const body = { sector: 'housing', categoryId: null, title: 'Отопление: сроки', body: 'Здравствуйте, {{гражданин}}! Отопление по адресу {{адрес}} будет включено.' };
    const created = await send('sector_lead', 'POST', path, body);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ ...body, updatedBy: { id: suite.ids.sector_lead }, version: 1 });
    expect((await send('sector_lead', 'POST', path, { ...body, sector: 'roads' })).status).toBe(403);
    expect((await send('operator1', 'POST', path, body)).status).toBe(403);
    const unknown = await send('sector_lead', 'POST', path, { ...body, body: 'Срок {{срок}} для {{гражданин}}' });
    expect([unknown.status, (unknown.body.details as { unknown: string[] }).unknown]).toEqual([400, ['срок']]);

    const updated = await send('sector_lead', 'PUT', `${path}/${created.body.id}`, { ...body, title: 'Отопление: сроки включения', version: 1 });
    expect(updated.body).toMatchObject({ title: 'Отопление: сроки включения', version: 2 });
    expect((await send('head', 'PUT', `${path}/${created.body.id}`, { ...body, version: 1 })).status).toBe(409);
    const forHousing = (await api<AnswerTemplateList>(suite.url, as('executor_housing'), `${path}?sector=housing`)).body.templates;
    expect(forHousing.map((t) => t.id)).toContain(created.body.id);
    expect((await api(suite.url, as('analyst'), path)).status).toBe(403);

    expect((await send('sector_lead', 'DELETE', `${path}/${created.body.id}?version=2`)).status).toBe(200);
    const after = (await api<AnswerTemplateList>(suite.url, as('head'), path)).body.templates;
    expect(after.map((t) => t.id)).not.toContain(created.body.id);
  });
});
