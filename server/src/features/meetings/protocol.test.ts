import { createHash } from 'node:crypto';
import { signedProtocolText, type Ack, type MeetingState, type ProtocolDto, type TaskDto } from '@okno/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Okno } from '../../app.js';
import { api, createTestDatabase, openSocket, startNode, type TestDatabase } from '../../testing/harness.js';
import { act, liveMeeting, loginAll, ok, scheduledMeeting, state, userIds, type Person, type Tokens } from './meetings.testing.js';

let db: TestDatabase;
let node: Okno;
let t: Tokens;
let ids: Record<Person, number>;
let meetingId: number;
let itemIds: number[];

beforeAll(async () => {
  db = await createTestDatabase();
  node = await startNode(db.url);
  t = await loginAll(node.url);
  ids = await userIds(node.url, t);
  // member3 cannot attend and writes; member2 attends remotely; the deputy stays away.
  const m = await scheduledMeeting(node.url, t, 2);
  ({ meetingId, itemIds } = m);
  await ok(node.url, t.secretary, `/${meetingId}/invite`, { userId: ids.executor_housing });
  await ok(node.url, t.member3, `/${meetingId}/opinions`, { agendaItemId: itemIds[0], text: 'Предлагаю продлить срок до конца квартала' });
  await ok(node.url, t.member1, `/${meetingId}/opinions`, { agendaItemId: itemIds[0], text: 'Скажу на заседании' });
});
afterAll(async () => {
  await node?.close();
  await db?.drop();
});

const protocol = async () => (await api<ProtocolDto>(node.url, t.member1, `/api/meetings/${meetingId}/protocol`)).body;

describe('a meeting from start to signed protocol', () => {
  it('holds the meeting: attendance, current item, notes, a named vote, the end', async () => {
    await ok(node.url, t.secretary, `/${meetingId}/start`);
    for (const p of ['head', 'secretary', 'member1', 'executor_housing'] as const) {
      await ok(node.url, t.secretary, `/${meetingId}/attendance`, { userId: ids[p], inRoom: true });
    }
    const remote = await openSocket(node.url, t.member2);
    const joined = (await remote.emitWithAck('meeting:join', { meetingId })) as Ack<MeetingState>;
    expect(joined.ok).toBe(true);
    await ok(node.url, t.head, `/${meetingId}/current`, { agendaItemId: itemIds[0] });
    const s = await state(node.url, t.secretary, meetingId);
    expect(s.meeting.currentAgendaItemId).toBe(itemIds[0]);
    const item = s.agenda.find((i) => i.id === itemIds[0])!;
    await ok(node.url, t.secretary, `/${meetingId}/notes`, { agendaItemId: item.id, version: item.version, notes: 'Доложил Воробьёв С.И.' });
    const opened = await ok(node.url, t.head, `/${meetingId}/votes`, { agendaItemId: itemIds[0], question: 'Одобрить план работы' });
    const voteId = opened.data.type === 'vote.opened' ? opened.data.vote.id : 0;
    for (const p of ['head', 'secretary', 'member1'] as const) await ok(node.url, t[p], `/${meetingId}/votes/cast`, { voteId, choice: 'for' });
    await remote.emitWithAck('meeting:cast', { mutationId: 'protocol-remote-ballot', meetingId, voteId, choice: 'against' });
    expect((await act(node.url, t.secretary, `/${meetingId}/end`, {})).body.code).toBe('invalid_transition');
    await ok(node.url, t.head, `/${meetingId}/votes/close`, { voteId });
    const ended = await ok(node.url, t.secretary, `/${meetingId}/end`);
    expect(ended.data.type).toBe('meeting.ended');
    remote.close();
  });

  it('generates the draft: composition and attendance, quorum, agenda, notes, named votes, opinions of the absent', async () => {
    const p = await protocol();
    expect(p.status).toBe('draft');
    const c = p.content;
    expect(Object.fromEntries(c.attendance.map((a) => [a.member.id, a.mode]))).toEqual({
      [ids.head]: 'in_room',
      [ids.deputy]: 'absent',
      [ids.secretary]: 'in_room',
      [ids.member1]: 'in_room',
      [ids.member2]: 'remote',
      [ids.member3]: 'absent',
    });
    expect(c.invitees).toEqual([{ person: expect.objectContaining({ id: ids.executor_housing }), attended: true }]);
    expect(c.quorum).toEqual({ present: 4, members: 6, has: true });
    expect([c.chair?.id, c.secretary?.id]).toEqual([ids.head, ids.secretary]);
    expect(c.agenda.map((a) => a.agendaItemId)).toEqual(itemIds);
    const first = c.agenda[0]!;
    expect(first.notes).toBe('Доложил Воробьёв С.И.');
    expect(first.votes[0]!.result.tally).toMatchObject({ for: 3, against: 1, outcome: 'adopted' });
    expect(first.votes[0]!.result.ballots?.find((b) => b.voter.id === ids.member2)?.choice).toBe('against');
    expect(first.decision).toBe('Одобрить план работы: решение принято.');
    // Only the absent member's written opinion is attached ([000] 17).
    expect(first.opinions.map((o) => o.author.id)).toEqual([ids.member3]);
  });

  it('lets the secretary edit the draft, the chair approve and the secretary sign, in that order', async () => {
    const draft = await protocol();
    expect((await act(node.url, t.member1, `/${meetingId}/protocol/edit`, { version: draft.version, remarks: 'x' })).body.code).toBe('forbidden');
    expect((await act(node.url, t.secretary, `/${meetingId}/protocol/sign`, { version: draft.version })).body.code).toBe('invalid_transition');
    await ok(node.url, t.secretary, `/${meetingId}/protocol/edit`, {
      version: draft.version,
      remarks: 'Протокол вела секретарь Титова Е.О.',
      items: [{ agendaItemId: itemIds[0], decision: 'Одобрить план работы на IV квартал.' }],
    });
    const edited = await protocol();
    expect(edited.content.agenda[0]!.decision).toBe('Одобрить план работы на IV квартал.');
    expect(edited.content.agenda[0]!.votes).toEqual(draft.content.agenda[0]!.votes); // facts do not change
    expect((await act(node.url, t.secretary, `/${meetingId}/protocol/approve`, { version: edited.version })).body.code).toBe('forbidden');
    await ok(node.url, t.head, `/${meetingId}/protocol/approve`, { version: edited.version });
    const approved = await protocol();
    const signed = await ok(node.url, t.secretary, `/${meetingId}/protocol/sign`, { version: approved.version });
    if (signed.data.type !== 'protocol.signed') throw new Error('not signed');
    const p = await protocol();
    expect(p).toMatchObject({ status: 'signed', approvedBy: { id: ids.head }, signedBy: { id: ids.secretary }, intact: true });
    const text = signedProtocolText({ meetingId, content: p.content, approvedById: ids.head, approvedAt: p.approvedAt, signedById: ids.secretary, signedAt: p.signedAt });
    expect(p.hash).toBe(createHash('sha256').update(text).digest('hex'));
    expect(signed.data.protocol.hash).toBe(p.hash);
    expect((await act(node.url, t.secretary, `/${meetingId}/protocol/edit`, { version: p.version, remarks: 'поздно' })).body.code).toBe('invalid_transition');
  });

  it('exports the protocol to PDF and DOCX', async () => {
    for (const [ext, type, magic] of [['pdf', 'application/pdf', '%PDF'], ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'PK']] as const) {
      const res = await fetch(`${node.url}/api/meetings/${meetingId}/protocol/${ext}`, { headers: { authorization: `Bearer ${t.member2}` } });
      expect(res.status, ext).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
    }
  });

  it('shows any later change to a signed protocol as not intact', async () => {
    await node.deps.orm.em.fork().execute(`update meeting_protocol set content = jsonb_set(content, '{remarks}', '"подправлено"') where meeting_id = ?`, [meetingId]);
    expect((await protocol()).intact).toBe(false);
  });
});

describe('decisions as tasks under the secretary’s control', () => {
  it('turns a decision into a task for a department, and puts open tasks on the next agenda', async () => {
    const dir = await api<{ departments: { id: number }[] }>(node.url, t.secretary, '/api/directory');
    const departmentId = dir.body.departments[0]!.id;
    const body = { agendaItemId: itemIds[0], text: 'Подготовить план работы', assignee: { kind: 'department', departmentId }, dueDate: '2026-12-15' };
    expect((await act(node.url, t.member1, `/${meetingId}/tasks`, body)).body.code).toBe('forbidden');
    expect((await act(node.url, t.secretary, `/${meetingId}/tasks`, { ...body, dueDate: '2026-02-30' })).body.code).toBe('validation');
    const created = await ok(node.url, t.secretary, `/${meetingId}/tasks`, body);
    const task = created.data.type === 'task.created' ? created.data.task : null;
    expect(task).toMatchObject({ status: 'open', dueDate: '2026-12-15', assignee: { kind: 'department', department: { id: departmentId } } });
    const open = await api<{ tasks: TaskDto[] }>(node.url, t.head, '/api/meetings/tasks?status=open');
    expect(open.body.tasks.map((x) => x.id)).toContain(task!.id);

    const next = await scheduledMeeting(node.url, t, 1);
    const s = await state(node.url, t.head, next.meetingId);
    const control = s.agenda.find((i) => i.kind === 'control');
    expect(control).toMatchObject({ status: 'included', position: 2, taskIds: [task!.id] });
    expect(s.openTasks.map((x) => x.id)).toEqual([task!.id]);

    const done = await ok(node.url, t.secretary, `/tasks/${task!.id}`, { version: task!.version, status: 'done', report: 'План утверждён' });
    expect(done.data.type === 'task.updated' && done.data.task.status).toBe('done');
    const stillOpen = await api<{ tasks: TaskDto[] }>(node.url, t.head, '/api/meetings/tasks?status=open');
    expect(stillOpen.body.tasks.map((x) => x.id)).not.toContain(task!.id);
  });
});

describe('who sees meetings', () => {
  it('hides a meeting from people outside the composition who are not invited', async () => {
    const { meetingId: id } = await liveMeeting(node.url, t, ['head']);
    const res = await api<{ code: string }>(node.url, t.operator1, `/api/meetings/${id}`);
    expect([res.status, res.body.code]).toEqual([404, 'not_found']);
    expect((await api(node.url, t.curator, `/api/meetings/${id}`)).status).toBe(200);
  });
});
