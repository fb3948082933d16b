import { MEETING_C2S_SCHEMAS, type MeetingEvent } from '@okno/shared';
import type { z } from 'zod';
import type { AppDeps } from '../../http/context.js';
import { acked, socketMutation } from '../../realtime/handler.js';
import type { OknoServer, OknoSocket } from '../../realtime/types.js';
import type { Actor } from '../auth/actor.js';
import { fileOpinion } from './agenda.service.js';
import { markAttendance, setCurrentItem, updateNotes } from './live.service.js';
import type { MeetingDeps } from './meeting-mutation.js';
import { loadMeeting } from './meetings.access.js';
import { meetingState, meetingSync } from './meetings.query.js';
import { MEETING_ROOMS } from './meetings.realtime.js';
import { castVote } from './ballot.service.js';
import { closeVote, openVote } from './votes.service.js';

const meetingOfRoom = (room: string): number | null => {
  const m = /^meeting:(\d+)$/.exec(room);
  return m ? Number(m[1]) : null;
};

/**
 * Live meetings over the socket. Joining the meeting's room is being present remotely (ephemeral,
 * never logged): the join answers the meeting's state with its seq, and the room then receives
 * `meeting:event`s after it. A ballot's voter is present remotely when the casting socket is in
 * the room. Leaving, or dropping the connection, ends the presence.
 */
export function registerMeetingHandlers(_io: OknoServer, socket: OknoSocket, deps: AppDeps): void {
  const actor = socket.data.actor;
  const realtime = deps.meetingRealtime;
  void socket.join(MEETING_ROOMS.person(actor.id));

  socket.on(
    'meeting:join',
    acked(socket, deps.log, MEETING_C2S_SCHEMAS['meeting:join'], async ({ meetingId }) => {
      await loadMeeting(deps.orm.em.fork(), actor, meetingId);
      // Join first, then read: an event committed meanwhile is either in the state or arrives after.
      await socket.join(MEETING_ROOMS.meeting(meetingId));
      realtime.announcePresence(meetingId);
      return meetingState(deps.orm, realtime, actor, meetingId);
    }),
  );
  socket.on(
    'meeting:leave',
    acked(socket, deps.log, MEETING_C2S_SCHEMAS['meeting:leave'], async ({ meetingId }) => {
      await socket.leave(MEETING_ROOMS.meeting(meetingId));
      realtime.announcePresence(meetingId);
      return null;
    }),
  );
  socket.on(
    'meeting:sync',
    acked(socket, deps.log, MEETING_C2S_SCHEMAS['meeting:sync'], (i) => meetingSync(deps.orm, actor, i.meetingId, i.sinceSeq, deps.config.OKNO_MAX_REPLAY)),
  );

  const mutation = <S extends z.ZodType>(schema: S, action: string, run: (deps: MeetingDeps, actor: Actor, input: z.infer<S>) => Promise<MeetingEvent>) =>
    socketMutation(socket, deps, schema, `meeting.${action}`, (input) => run(deps, actor, input));
  socket.on('meeting:attendance', mutation(MEETING_C2S_SCHEMAS['meeting:attendance'], 'attendance', markAttendance));
  socket.on('meeting:current', mutation(MEETING_C2S_SCHEMAS['meeting:current'], 'current', setCurrentItem));
  socket.on('meeting:notes', mutation(MEETING_C2S_SCHEMAS['meeting:notes'], 'notes', updateNotes));
  socket.on('meeting:opinion', mutation(MEETING_C2S_SCHEMAS['meeting:opinion'], 'opinion', fileOpinion));
  socket.on('meeting:open_vote', mutation(MEETING_C2S_SCHEMAS['meeting:open_vote'], 'open_vote', openVote));
  socket.on('meeting:close_vote', mutation(MEETING_C2S_SCHEMAS['meeting:close_vote'], 'close_vote', closeVote));
  socket.on(
    'meeting:cast',
    mutation(MEETING_C2S_SCHEMAS['meeting:cast'], 'cast', async (d, a, input) => {
      const remote = (await realtime.remote(input.meetingId)).map((p) => p.id);
      return castVote(d, a, input, { voterRemote: socket.rooms.has(MEETING_ROOMS.meeting(input.meetingId)), remoteIds: remote });
    }),
  );

  socket.on('disconnecting', (reason) => {
    if (reason === 'server shutting down') return; // nobody is left to tell, and Redis may be gone
    for (const room of socket.rooms) {
      const meetingId = meetingOfRoom(room);
      if (meetingId != null) realtime.announcePresence(meetingId);
    }
  });
}
