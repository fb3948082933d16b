import { AgendaItem, Attendance, Meeting, MeetingInvitee, Opinion } from './meeting.entity.js';
import { Ballot, MeetingTask, Protocol, Vote } from './vote.entity.js';

/** The meetings feature's entities, registered with the ORM in db/entities.ts. */
export const MEETING_ENTITIES = [Meeting, MeetingInvitee, AgendaItem, Opinion, Attendance, Vote, Ballot, Protocol, MeetingTask];
