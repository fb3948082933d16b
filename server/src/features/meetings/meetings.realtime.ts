import type { MeetingEvent, MeetingNotice, UserRef } from '@okno/shared';
import type { Metrics } from '../../http/metrics.js';
import type { OknoServer } from '../../realtime/types.js';

/** Socket.IO rooms of the meetings feature; rooms span nodes through the Redis adapter. */
export const MEETING_ROOMS = {
  /** Everyone who has the meeting open; a member's socket here is their remote presence. */
  meeting: (meetingId: number) => `meeting:${meetingId}`,
  /** One person's sockets, for personal notices. */
  person: (userId: number) => `meetings:person:${userId}`,
} as const;

/** What the meetings feature needs from the realtime layer of its node. */
export interface MeetingRealtime {
  /** Sends committed meeting events to the meeting's room on every node. */
  publish(events: MeetingEvent[]): void;
  /** Sends a personal notice (invited, scheduled, started, ended) to each person's sockets. */
  notify(userIds: readonly number[], notice: MeetingNotice): void;
  /** People in the meeting's room now, across nodes; concurrent callers share one lookup. */
  remote(meetingId: number): Promise<UserRef[]>;
  /** Tells the room who is in it, at most once per 200 ms per meeting and node. */
  announcePresence(meetingId: number): void;
}

/** Distinct people among sockets (one person may have several tabs open), by name. */
function people(sockets: { data: { actor?: { id: number; name: string } } }[]): UserRef[] {
  const byId = new Map<number, UserRef>();
  for (const s of sockets) if (s.data.actor) byId.set(s.data.actor.id, { id: s.data.actor.id, name: s.data.actor.name });
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

/**
 * The meetings feature's realtime side over this node's Socket.IO server (resolved lazily:
 * the server exists only after the HTTP server). Presence is ephemeral: it is read from the
 * rooms themselves (fetchSockets reaches every node), never stored.
 */
export function meetingRealtime(io: () => OknoServer | null, metrics: Metrics): MeetingRealtime {
  const lookups = new Map<number, Promise<UserRef[]>>();
  const timers = new Map<number, NodeJS.Timeout>();

  const remote = (meetingId: number): Promise<UserRef[]> => {
    const server = io();
    if (!server) return Promise.resolve([]);
    const pending = lookups.get(meetingId);
    if (pending) return pending;
    const lookup = server
      .in(MEETING_ROOMS.meeting(meetingId))
      .fetchSockets()
      .then(people)
      .finally(() => lookups.delete(meetingId));
    lookups.set(meetingId, lookup);
    return lookup;
  };

  return {
    publish(events) {
      const server = io();
      if (!server) return;
      for (const e of events) server.to(MEETING_ROOMS.meeting(e.meetingId)).emit('meeting:event', e);
      metrics.eventsPublished.inc(events.length);
    },
    notify(userIds, notice) {
      const server = io();
      if (server && userIds.length > 0) server.to(userIds.map(MEETING_ROOMS.person)).emit('meeting:notice', notice);
    },
    remote,
    announcePresence(meetingId) {
      if (timers.has(meetingId)) return;
      const timer = setTimeout(() => {
        timers.delete(meetingId);
        remote(meetingId)
          .then((list) => io()?.to(MEETING_ROOMS.meeting(meetingId)).emit('meeting:presence', { meetingId, remote: list }))
          .catch(() => undefined);
      }, 200);
      timer.unref();
      timers.set(meetingId, timer);
    },
  };
}
