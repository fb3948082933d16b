/** Meeting set-up shared by the meetings integration tests and `pnpm bench vote`. */
import { createHash, randomBytes } from 'node:crypto';
import type { Ack, ErrorBody, MeetingEvent, MeetingState } from '@okno/shared';
import { api, mutationId, type ClientSocket } from '@okno/server/testing';
import pg from 'pg';

export interface Member {
  id: number;
  name: string;
  token: string;
}

/**
 * Adds `count` members of the centre straight into the database, each with an open session
 * (a login per member would spend seconds hashing passwords). Returns them in creation order.
 */
export async function createMembers(databaseUrl: string, count: number, prefix = 'm'): Promise<Member[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number; name: string }>(
      `insert into app_user (login, name, password_hash, roles, sectors, active, created_at, updated_at, version)
       select $1 || '_' || n, 'Член МЦУ ' || $1 || '-' || n, (select password_hash from app_user order by id limit 1), '{member}', '{}', true, now(), now(), 1
       from generate_series(1, $2::int) as n returning id, name`,
      [`${prefix}${randomBytes(3).toString('hex')}`, count],
    );
    const members = rows.map((r) => ({ id: r.id, name: r.name, token: randomBytes(24).toString('base64url') }));
    const values = members.map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3}, now(), now() + interval '1 day')`).join(', ');
    const params = members.flatMap((m) => [createHash('sha256').update(m.token).digest('hex'), m.id, '127.0.0.1']);
    await client.query(`insert into app_session (id, user_id, ip, created_at, expires_at) values ${values}`, params);
    return members;
  } finally {
    await client.end();
  }
}

/** A meeting mutation over REST that must succeed. */
export async function meetingOk(url: string, token: string, path: string, body: Record<string, unknown> = {}): Promise<MeetingEvent> {
  const res = await api<MeetingEvent & ErrorBody>(url, token, `/api/meetings${path}`, { mutationId: mutationId(), ...body });
  if (res.status !== 200) throw new Error(`POST /api/meetings${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * A started meeting with one agenda question (proposed by a member, drafted by the secretary,
 * approved by the head): ready for votes. Tokens of the demo head, secretary and a member.
 */
export async function startedMeeting(url: string, t: { head: string; secretary: string; member: string }): Promise<{ meetingId: number; itemId: number }> {
  const { meetingId } = await meetingOk(url, t.secretary, '', { title: 'Заседание: нагрузочное голосование' });
  const proposed = await meetingOk(url, t.member, `/${meetingId}/agenda`, { title: 'Об утверждении плана' });
  const itemId = proposed.data.type === 'agenda.proposed' ? proposed.data.item.id : 0;
  const state = await api<MeetingState>(url, t.secretary, `/api/meetings/${meetingId}`);
  const drafted = await meetingOk(url, t.secretary, `/${meetingId}/agenda/draft`, { version: state.body.meeting.version, included: [itemId] });
  const version = drafted.data.type === 'agenda.drafted' ? drafted.data.meeting.version : 0;
  await meetingOk(url, t.head, `/${meetingId}/agenda/approve`, { version, startsAt: new Date().toISOString(), remoteLink: 'https://vks.example.org/mcu' });
  await meetingOk(url, t.secretary, `/${meetingId}/start`);
  return { meetingId, itemId };
}

/** Joins the meeting's room (remote presence) and returns the state the join answered. */
export async function joinMeeting(socket: ClientSocket, meetingId: number): Promise<MeetingState> {
  const ack = (await socket.timeout(15_000).emitWithAck('meeting:join', { meetingId })) as Ack<MeetingState>;
  if (!ack.ok) throw new Error(`meeting:join refused: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}
