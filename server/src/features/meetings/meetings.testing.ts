import type { ErrorBody, MeetingEvent, MeetingState } from '@okno/shared';
import { api, login, mutationId } from '../../testing/harness.js';

/** The demo centre's people who take part in meetings, plus outsiders, by login. */
export const PEOPLE = ['head', 'deputy', 'secretary', 'member1', 'member2', 'member3', 'operator1', 'executor_housing', 'curator'] as const;
export type Person = (typeof PEOPLE)[number];
export type Tokens = Record<Person, string>;

export async function loginAll(url: string): Promise<Tokens> {
  const tokens = await Promise.all(PEOPLE.map((p) => login(url, p)));
  return Object.fromEntries(PEOPLE.map((p, i) => [p, tokens[i]!])) as Tokens;
}

/** POSTs a meeting mutation (a fresh mutation id unless given) and returns the status and body. */
export async function act<T = MeetingEvent>(url: string, token: string, path: string, body: Record<string, unknown>) {
  return api<T & ErrorBody>(url, token, `/api/meetings${path}`, { mutationId: mutationId(), ...body });
}

/** Like act, but the mutation must succeed. */
export async function ok(url: string, token: string, path: string, body: Record<string, unknown> = {}): Promise<MeetingEvent> {
  const res = await act(url, token, path, body);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const state = async (url: string, token: string, meetingId: number) =>
  (await api<MeetingState>(url, token, `/api/meetings/${meetingId}`)).body;

/** A meeting with `items` agenda questions proposed by member1, drafted and approved for today. */
export async function scheduledMeeting(url: string, t: Tokens, items = 2): Promise<{ meetingId: number; itemIds: number[] }> {
  const created = await ok(url, t.secretary, '', { title: 'Заседание МЦУ' });
  const meetingId = created.meetingId;
  const itemIds: number[] = [];
  for (let i = 1; i <= items; i++) {
    const e = await ok(url, t.member1, `/${meetingId}/agenda`, {
      title: `Вопрос ${i}: о работе с обращениями`,
      materials: [{ title: 'Справка', url: 'https://example.org/spravka.pdf' }],
    });
    if (e.data.type === 'agenda.proposed') itemIds.push(e.data.item.id);
  }
  const s = await state(url, t.secretary, meetingId);
  const drafted = await ok(url, t.secretary, `/${meetingId}/agenda/draft`, { version: s.meeting.version, included: itemIds });
  const version = drafted.data.type === 'agenda.drafted' ? drafted.data.meeting.version : -1;
  await ok(url, t.head, `/${meetingId}/agenda/approve`, { version, startsAt: new Date().toISOString(), place: 'Зал заседаний, каб. 301' });
  return { meetingId, itemIds };
}

/** A scheduled meeting, started, with `inRoom` people marked present by the secretary. */
export async function liveMeeting(url: string, t: Tokens, inRoom: Person[], items = 2) {
  const m = await scheduledMeeting(url, t, items);
  await ok(url, t.secretary, `/${m.meetingId}/start`);
  const ids = await userIds(url, t);
  for (const p of inRoom) await ok(url, t.secretary, `/${m.meetingId}/attendance`, { userId: ids[p], inRoom: true });
  return m;
}

/** Ids of the demo people. */
export async function userIds(url: string, t: Tokens): Promise<Record<Person, number>> {
  const me = await Promise.all(PEOPLE.map((p) => api<{ id: number }>(url, t[p], '/api/auth/me')));
  return Object.fromEntries(PEOPLE.map((p, i) => [p, me[i]!.body.id])) as Record<Person, number>;
}
