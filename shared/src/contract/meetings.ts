import type { z } from 'zod';
import type { Ack } from './errors.js';
import {
  CastVoteInput,
  CloseVoteInput,
  FileOpinionInput,
  MarkAttendanceInput,
  OpenVoteInput,
  SetCurrentItemInput,
  UpdateNotesInput,
} from './meetings/inputs.js';
import {
  MeetingRoomInput,
  MeetingSyncInput,
  type MeetingEvent,
  type MeetingNotice,
  type MeetingPresence,
  type MeetingState,
  type MeetingSyncResult,
} from './meetings/events.js';

export * from './meetings/dto.js';
export * from './meetings/inputs.js';
export * from './meetings/events.js';

type AckFn<T> = (ack: Ack<T>) => void;
/** What every meeting mutation answers: the event it appended (the first one, for a retry). */
type Mutation<S extends z.ZodType> = (input: z.input<S>, ack: AckFn<MeetingEvent>) => void;

/**
 * Meeting events the client sends; every payload is parsed with MEETING_C2S_SCHEMAS.
 * `meeting:join` enters the meeting's room (remote presence) and answers its state.
 */
export interface MeetingClientToServerEvents {
  'meeting:join': (input: z.input<typeof MeetingRoomInput>, ack: AckFn<MeetingState>) => void;
  'meeting:leave': (input: z.input<typeof MeetingRoomInput>, ack: AckFn<null>) => void;
  'meeting:sync': (input: z.input<typeof MeetingSyncInput>, ack: AckFn<MeetingSyncResult>) => void;
  'meeting:attendance': Mutation<typeof MarkAttendanceInput>;
  'meeting:current': Mutation<typeof SetCurrentItemInput>;
  'meeting:notes': Mutation<typeof UpdateNotesInput>;
  'meeting:opinion': Mutation<typeof FileOpinionInput>;
  'meeting:open_vote': Mutation<typeof OpenVoteInput>;
  'meeting:cast': Mutation<typeof CastVoteInput>;
  'meeting:close_vote': Mutation<typeof CloseVoteInput>;
}

export const MEETING_C2S_SCHEMAS = {
  'meeting:join': MeetingRoomInput,
  'meeting:leave': MeetingRoomInput,
  'meeting:sync': MeetingSyncInput,
  'meeting:attendance': MarkAttendanceInput,
  'meeting:current': SetCurrentItemInput,
  'meeting:notes': UpdateNotesInput,
  'meeting:opinion': FileOpinionInput,
  'meeting:open_vote': OpenVoteInput,
  'meeting:cast': CastVoteInput,
  'meeting:close_vote': CloseVoteInput,
} as const satisfies Record<keyof MeetingClientToServerEvents, z.ZodType>;

/** Meeting events the server sends: to the room `meeting:<id>`, or to one person's notices. */
export interface MeetingServerToClientEvents {
  'meeting:event': (event: MeetingEvent) => void;
  'meeting:presence': (presence: MeetingPresence) => void;
  'meeting:notice': (notice: MeetingNotice) => void;
}
