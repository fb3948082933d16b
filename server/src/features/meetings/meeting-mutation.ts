import type { MeetingEvent, MeetingEventData, MeetingNotice } from '@okno/shared';
import type { Em, Orm } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { runIdempotent } from '../events/mutation-runner.js';
import { appendMeetingEvent, type LiveCount } from './meeting-events.js';
import type { MeetingRealtime } from './meetings.realtime.js';

export interface MeetingDeps {
  orm: Orm;
  meetingRealtime: MeetingRealtime;
}

/** One state change of a meeting: what its event says, and whom to notify personally. */
export interface MeetingChange {
  meetingId: number;
  data: MeetingEventData;
  notify?: { userIds: number[]; notice: MeetingNotice };
  /** For a ballot: the vote whose ballots the event counts, under the append lock. */
  count?: LiveCount;
}

/**
 * Runs one meeting mutation: the state change, its one event and the idempotency record
 * commit in one transaction; the event goes to the meeting's room (and notices to people)
 * only after commit. A retry with the same mutation id answers the first event.
 */
export function runMeetingMutation(
  deps: MeetingDeps,
  actor: Actor,
  mutationId: string,
  work: (em: Em) => Promise<MeetingChange>,
): Promise<MeetingEvent> {
  return runIdempotent<MeetingEvent>(deps.orm, actor, mutationId, async (em) => {
    const change = await work(em);
    await em.flush();
    const event = await appendMeetingEvent(em, actor, change.meetingId, change.data, change.count);
    return {
      answer: event,
      afterCommit: () => {
        deps.meetingRealtime.publish([event]);
        if (change.notify) deps.meetingRealtime.notify(change.notify.userIds, change.notify.notice);
      },
    };
  });
}
