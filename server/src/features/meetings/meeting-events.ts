import { MeetingEventData, type MeetingEvent } from '@okno/shared';
import { z } from 'zod';
import type { Em } from '../../db/orm.js';
import { lockEventLog, type EventAuthor } from '../events/event-log.js';

/** What a meeting event row's payload holds: the change and the meeting's previous seq. */
const StoredPayload = z.object({ data: MeetingEventData, prevSeq: z.number().int() });

/** The seq of the meeting's latest event (0 when it has none). */
export async function meetingSeq(em: Em, meetingId: number): Promise<number> {
  const [row] = await em.execute<{ seq: string | number | null }[]>('select max(seq) as seq from event where meeting_id = ?', [meetingId]);
  return Number(row?.seq ?? 0);
}

/** Counted into the appended event in the same statement: a ballot's live count. */
export interface LiveCount {
  ballotsOfVote: number;
}

/**
 * Appends one meeting event inside the caller's transaction, in the global seq order (the
 * append lock, shared with items). Under the lock one statement reads the meeting's latest seq
 * (`prevSeq`, which links the meeting's events into a chain a client can check for gaps) and,
 * for a ballot, the vote's ballot count, and inserts the row: the lock is held briefly.
 */
export async function appendMeetingEvent(
  em: Em,
  actor: EventAuthor | null,
  meetingId: number,
  data: MeetingEventData,
  count?: LiveCount,
): Promise<MeetingEvent> {
  await lockEventLog(em);
  const at = new Date();
  const [row] = await em.execute<{ seq: string | number; payload: unknown }[]>(
    `insert into event (at, actor_id, actor_name, ip, type, meeting_id, payload)
     select ?, ?, ?, ?, ?, ?, jsonb_build_object('prevSeq', prev.seq, 'data', case when ?::int is null then ?::jsonb
       else jsonb_set(?::jsonb, '{castCount}', to_jsonb((select count(*) from meeting_ballot where vote_id = ?::int))) end)
     from (select coalesce(max(seq), 0) as seq from event where meeting_id = ?) as prev
     returning seq, payload`,
    [at, actor?.id ?? null, actor?.name ?? null, actor?.ip ?? null, data.type, meetingId, count?.ballotsOfVote ?? null, JSON.stringify(data), JSON.stringify(data), count?.ballotsOfVote ?? null, meetingId],
  );
  const stored = StoredPayload.parse(typeof row!.payload === 'string' ? JSON.parse(row!.payload) : row!.payload);
  return {
    seq: Number(row!.seq),
    prevSeq: stored.prevSeq,
    at: at.toISOString(),
    actor: actor?.id != null ? { id: actor.id, name: actor.name } : null,
    meetingId,
    data: stored.data,
  };
}

interface EventSqlRow {
  seq: string | number;
  at: Date | string;
  actor_id: number | null;
  actor_name: string | null;
  meeting_id: number;
  payload: unknown;
}

function toMeetingEvent(row: EventSqlRow): MeetingEvent {
  const { data, prevSeq } = StoredPayload.parse(typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload);
  return {
    seq: Number(row.seq),
    prevSeq,
    at: new Date(row.at).toISOString(),
    actor: row.actor_id != null ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
    meetingId: row.meeting_id,
    data,
  };
}

/** The meeting's events after `sinceSeq`, oldest first, at most `limit`. */
export async function meetingEventsSince(em: Em, meetingId: number, sinceSeq: number, limit: number): Promise<MeetingEvent[]> {
  const rows = await em.execute<EventSqlRow[]>(
    'select seq, at, actor_id, actor_name, meeting_id, payload from event where meeting_id = ? and seq > ? order by seq limit ?',
    [meetingId, sinceSeq, limit],
  );
  return rows.map(toMeetingEvent);
}

/**
 * Who voted in each of the meeting's votes, in the order of their `vote.cast` events: the log
 * is the one order every client sees, whatever the nodes' clocks say.
 */
export async function votersInLogOrder(em: Em, meetingId: number): Promise<Map<number, number[]>> {
  const rows = await em.execute<{ vote_id: number; member_id: number }[]>(
    `select (payload->'data'->>'voteId')::int as vote_id, (payload->'data'->'voter'->>'id')::int as member_id
     from event where meeting_id = ? and type = 'vote.cast' order by seq`,
    [meetingId],
  );
  const byVote = new Map<number, number[]>();
  for (const r of rows) byVote.set(r.vote_id, [...(byVote.get(r.vote_id) ?? []), r.member_id]);
  return byVote;
}
