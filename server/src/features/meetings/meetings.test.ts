import type { Ack, MeetingEvent, MeetingList, MeetingNotice, MeetingState } from '@okno/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Okno } from '../../app.js';
import { api, createTestDatabase, openSocket, startNode, type TestDatabase } from '../../testing/harness.js';
import { act, loginAll, ok, scheduledMeeting, state, userIds, type Person, type Tokens } from './meetings.testing.js';

let db: TestDatabase;
let node: Okno;
let t: Tokens;
let ids: Record<Person, number>;

beforeAll(async () => {
  db = await createTestDatabase();
  node = await startNode(db.url);
  t = await loginAll(node.url);
  ids = await userIds(node.url, t);
});
afterAll(async () => {
  await node?.close();
  await db?.drop();
});

describe('before the meeting: agenda, invitations, notices', () => {
  it('goes from proposals through the secretary’s draft to the head’s approval with a date and place', async () => {
    const created = await ok(node.url, t.secretary, '', { title: 'Заседание № 1' });
    expect(created.data.type).toBe('meeting.created');
    const meetingId = created.meetingId;
    const a = await ok(node.url, t.member1, `/${meetingId}/agenda`, { title: 'О вывозе ТКО', description: 'Жалобы за месяц', materials: [{ title: 'Сводка', url: 'https://example.org/a.pdf' }] });
    const b = await ok(node.url, t.member2, `/${meetingId}/agenda`, { title: 'О ремонте дорог' });
    const c = await ok(node.url, t.member3, `/${meetingId}/agenda`, { title: 'Лишний вопрос' });
    const [ia, ib, ic] = [a, b, c].map((e) => (e.data.type === 'agenda.proposed' ? e.data.item.id : 0));
    const s = await state(node.url, t.secretary, meetingId);
    expect(s.agenda.map((i) => i.status)).toEqual(['proposed', 'proposed', 'proposed']);
    expect(s.agenda[0]!.materials).toEqual([{ title: 'Сводка', url: 'https://example.org/a.pdf' }]);

    // Only the secretary drafts; only the head (or deputy) approves.
    expect((await act(node.url, t.member1, `/${meetingId}/agenda/draft`, { version: s.meeting.version, included: [ib] })).body.code).toBe('forbidden');
    const drafted = await ok(node.url, t.secretary, `/${meetingId}/agenda/draft`, { version: s.meeting.version, included: [ib, ia] });
    if (drafted.data.type !== 'agenda.drafted') throw new Error('no draft');
    expect(drafted.data.agenda.map((i) => [i.id, i.status, i.position])).toEqual([[ib, 'included', 1], [ia, 'included', 2], [ic, 'excluded', null]]);
    const stale = await act(node.url, t.secretary, `/${meetingId}/agenda/draft`, { version: s.meeting.version, included: [ia] });
    expect(stale.body.code).toBe('conflict');

    const member = await openSocket(node.url, t.member3);
    const notices: MeetingNotice[] = [];
    member.on('meeting:notice', (n) => notices.push(n));
    expect((await act(node.url, t.secretary, `/${meetingId}/agenda/approve`, { version: drafted.data.meeting.version, startsAt: new Date().toISOString(), place: 'Зал' })).body.code).toBe('forbidden');
    const noPlace = await act(node.url, t.head, `/${meetingId}/agenda/approve`, { version: drafted.data.meeting.version, startsAt: new Date().toISOString() });
    expect(noPlace.body.code).toBe('validation');
    const approved = await ok(node.url, t.head, `/${meetingId}/agenda/approve`, {
      version: drafted.data.meeting.version,
      startsAt: '2026-12-01T10:00:00+03:00',
      remoteLink: 'https://vks.example.org/mcu',
    });
    expect(approved.data.type === 'agenda.approved' && approved.data.meeting.status).toBe('scheduled');
    await expect.poll(() => notices.map((n) => [n.kind, n.meeting.id])).toEqual([['scheduled', meetingId]]);
    expect((await act(node.url, t.member1, `/${meetingId}/agenda`, { title: 'Поздно' })).body.code).toBe('invalid_transition');

    // An invited person is notified and sees the meeting in their calendar; others do not.
    const outsider = await api<MeetingList>(node.url, t.executor_housing, '/api/meetings');
    expect(outsider.body.meetings.map((m) => m.meeting.id)).not.toContain(meetingId);
    const guest = await openSocket(node.url, t.executor_housing);
    const guestNotices: MeetingNotice[] = [];
    guest.on('meeting:notice', (n) => guestNotices.push(n));
    await ok(node.url, t.secretary, `/${meetingId}/invite`, { userId: ids.executor_housing });
    await expect.poll(() => guestNotices.map((n) => n.kind)).toEqual(['invited']);
    const calendar = await api<MeetingList>(node.url, t.executor_housing, '/api/meetings');
    expect(calendar.body.meetings).toEqual([expect.objectContaining({ role: 'invitee', meeting: expect.objectContaining({ id: meetingId, startsAt: '2026-12-01T07:00:00.000Z' }) })]);
    expect((await act(node.url, t.secretary, `/${meetingId}/invite`, { userId: ids.member1 })).body.code).toBe('validation');
    member.close();
    guest.close();
  });

  it('takes a written opinion from a member and not from an invitee, replacing an earlier one', async () => {
    const { meetingId, itemIds } = await scheduledMeeting(node.url, t);
    await ok(node.url, t.secretary, `/${meetingId}/invite`, { userId: ids.executor_housing });
    await ok(node.url, t.member3, `/${meetingId}/opinions`, { agendaItemId: itemIds[0], text: 'Прошу учесть мнение района' });
    await ok(node.url, t.member3, `/${meetingId}/opinions`, { agendaItemId: itemIds[0], text: 'Поддерживаю проект решения' });
    const guest = await act(node.url, t.executor_housing, `/${meetingId}/opinions`, { agendaItemId: itemIds[0], text: 'Я тоже' });
    expect(guest.body.code).toBe('not_voting_member');
    const s = await state(node.url, t.member1, meetingId);
    expect(s.opinions.map((o) => [o.author.id, o.text])).toEqual([[ids.member3, 'Поддерживаю проект решения']]);
  });
});

describe('live state over the socket', () => {
  it('answers a join with the state and its seq, then streams events chained by prevSeq', async () => {
    const { meetingId, itemIds } = await scheduledMeeting(node.url, t);
    const sock = await openSocket(node.url, t.member2);
    const joined = (await sock.emitWithAck('meeting:join', { meetingId })) as Ack<MeetingState>;
    if (!joined.ok) throw new Error(joined.error.message);
    expect(joined.data.meeting.status).toBe('scheduled');
    expect(joined.data.remote.map((p) => p.id)).toContain(ids.member2);
    const events: MeetingEvent[] = [];
    sock.on('meeting:event', (e) => events.push(e));
    await ok(node.url, t.secretary, `/${meetingId}/start`);
    await ok(node.url, t.secretary, `/${meetingId}/current`, { agendaItemId: itemIds[1] });
    await expect.poll(() => events.length).toBe(2);
    expect(events[0]!.prevSeq).toBe(joined.data.seq);
    expect(events[1]!.prevSeq).toBe(events[0]!.seq);
    expect(events.map((e) => e.data.type)).toEqual(['meeting.started', 'agenda.current']);
    const sync = (await sock.emitWithAck('meeting:sync', { meetingId, sinceSeq: joined.data.seq })) as Ack<{ events: MeetingEvent[] }>;
    expect(sync.ok && sync.data.events).toEqual(events);
    sock.close();
  });
});
