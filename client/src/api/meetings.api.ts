import {
  MeetingEvent,
  MeetingList,
  MeetingState,
  MeetingSyncResult,
  ProtocolDto,
  TaskDto,
  type Ack,
  type TaskStatus,
  type MeetingClientToServerEvents,
} from '@okno/shared';
import { request } from './http';
import { ACK_TIMEOUT_MS, parseAck, type OknoSocket } from './socket';

/** A fresh idempotency key for one meeting mutation. */
export function meetingMutationId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID().replace(/-/g, '');
  return `m${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}

const base = '/api/meetings';
const TaskArray = TaskDto.array();
const TaskList = { parse: (raw: unknown) => ({ tasks: TaskArray.parse((raw as { tasks?: unknown } | null)?.tasks) }) };

/** REST mutation paths under /api/meetings/{id}/. */
export type MeetingRestPath =
  | 'invite'
  | 'uninvite'
  | 'agenda'
  | 'agenda/draft'
  | 'agenda/approve'
  | 'opinions'
  | 'start'
  | 'attendance'
  | 'current'
  | 'notes'
  | 'votes'
  | 'votes/cast'
  | 'votes/close'
  | 'end'
  | 'protocol/edit'
  | 'protocol/approve'
  | 'protocol/sign'
  | 'tasks';

export const meetingsApi = {
  list: () => request('GET', base, MeetingList),
  state: (id: number) => request('GET', `${base}/${id}`, MeetingState),
  protocol: (id: number) => request('GET', `${base}/${id}/protocol`, ProtocolDto),
  create: (input: { title: string; startsAt?: string | null; place?: string | null; remoteLink?: string | null }) =>
    request('POST', base, MeetingEvent, { body: { mutationId: meetingMutationId(), ...input } }),
  /** One meeting mutation over REST; the mutation id is added here. */
  mutate: (id: number, path: MeetingRestPath, body: Record<string, unknown> = {}) =>
    request('POST', `${base}/${id}/${path}`, MeetingEvent, { body: { mutationId: meetingMutationId(), ...body } }),
  /** Decisions under control (all meetings), optionally by status. */
  tasks: (status?: TaskStatus) => request('GET', status ? `${base}/tasks?status=${status}` : `${base}/tasks`, TaskList),
  updateTask: (taskId: number, body: { version: number; status: TaskStatus; report?: string }) =>
    request('POST', `${base}/tasks/${taskId}`, MeetingEvent, { body: { mutationId: meetingMutationId(), ...body } }),
  pdfUrl: (id: number) => `${base}/${id}/protocol/pdf`,
  docxUrl: (id: number) => `${base}/${id}/protocol/docx`,
};

export async function emitMeetingJoin(socket: OknoSocket, meetingId: number): Promise<Ack<MeetingState>> {
  const raw: unknown = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('meeting:join', { meetingId });
  return parseAck(raw, MeetingState);
}

export async function emitMeetingLeave(socket: OknoSocket, meetingId: number): Promise<void> {
  await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('meeting:leave', { meetingId }).catch(() => undefined);
}

export async function emitMeetingSync(socket: OknoSocket, meetingId: number, sinceSeq: number): Promise<Ack<MeetingSyncResult>> {
  const raw: unknown = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('meeting:sync', { meetingId, sinceSeq });
  return parseAck(raw, MeetingSyncResult);
}

type MutationEvents = 'meeting:attendance' | 'meeting:current' | 'meeting:notes' | 'meeting:opinion' | 'meeting:open_vote' | 'meeting:cast' | 'meeting:close_vote';
type InputOf<E extends MutationEvents> = Omit<Parameters<MeetingClientToServerEvents[E]>[0], 'mutationId'>;

/** One meeting mutation over the socket (the cast must be: presence is the casting socket's room). */
export async function emitMeetingMutation<E extends MutationEvents>(socket: OknoSocket, event: E, input: InputOf<E>): Promise<Ack<MeetingEvent>> {
  const payload = { mutationId: meetingMutationId(), ...input };
  // The event names share one payload shape per name; the cast keeps the generic call simple.
  const s = socket.timeout(ACK_TIMEOUT_MS);
  const emit = s.emitWithAck as unknown as (ev: string, p: unknown) => Promise<unknown>;
  const raw = await emit.call(s, event, payload);
  return parseAck(raw, MeetingEvent);
}
