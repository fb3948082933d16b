import { createRoute, z } from '@hono/zod-openapi';
import {
  ApproveAgendaInput,
  ApproveProtocolInput,
  CastVoteInput,
  CloseVoteInput,
  CreateMeetingInput,
  CreateTaskInput,
  DraftAgendaInput,
  EditProtocolInput,
  EndMeetingInput,
  FileOpinionInput,
  InviteInput,
  MarkAttendanceInput,
  MeetingEvent,
  OpenVoteInput,
  ProposeAgendaItemInput,
  SetCurrentItemInput,
  SignProtocolInput,
  StartMeetingInput,
  UninviteInput,
  UpdateNotesInput,
} from '@okno/shared';
import { enforceLimit, requireActor } from '../../http/auth-middleware.js';
import { featureApp, type AppDeps } from '../../http/context.js';
import type { Actor } from '../auth/actor.js';
import { approveAgenda, createMeeting, draftAgenda, fileOpinion, invitePerson, proposeAgendaItem, uninvitePerson } from './agenda.service.js';
import { endMeeting, markAttendance, setCurrentItem, startMeeting, updateNotes } from './live.service.js';
import type { MeetingDeps } from './meeting-mutation.js';
import { mountMeetingQueries } from './meetings.queries.routes.js';
import { approveProtocol, editProtocol, signProtocol } from './protocol.service.js';
import { createTask } from './tasks.service.js';
import { castVote } from './ballot.service.js';
import { closeVote, openVote } from './votes.service.js';
import { json } from '../../http/openapi.js';

export const MeetingPath = z.object({ id: z.coerce.number().int().positive() });

/** A ballot over REST: the voter is present remotely when any of their sockets is in the room. */
async function castOverHttp(deps: MeetingDeps, actor: Actor, input: CastVoteInput): Promise<MeetingEvent> {
  const remote = (await deps.meetingRealtime.remote(input.meetingId)).map((p) => p.id);
  return castVote(deps, actor, input, { voterRemote: remote.includes(actor.id), remoteIds: remote });
}

/** The meeting mutations, each with its body schema, service and stable operation id. */
const MUTATIONS = [
  { path: 'invite', operationId: 'inviteToMeeting', schema: InviteInput, body: InviteInput.omit({ meetingId: true }), run: invitePerson },
  { path: 'uninvite', operationId: 'uninviteFromMeeting', schema: UninviteInput, body: UninviteInput.omit({ meetingId: true }), run: uninvitePerson },
  { path: 'agenda', operationId: 'proposeAgendaItem', schema: ProposeAgendaItemInput, body: ProposeAgendaItemInput.omit({ meetingId: true }), run: proposeAgendaItem },
  { path: 'agenda/draft', operationId: 'draftAgenda', schema: DraftAgendaInput, body: DraftAgendaInput.omit({ meetingId: true }), run: draftAgenda },
  { path: 'agenda/approve', operationId: 'approveAgenda', schema: ApproveAgendaInput, body: ApproveAgendaInput.omit({ meetingId: true }), run: approveAgenda },
  { path: 'opinions', operationId: 'fileOpinion', schema: FileOpinionInput, body: FileOpinionInput.omit({ meetingId: true }), run: fileOpinion },
  { path: 'start', operationId: 'startMeeting', schema: StartMeetingInput, body: StartMeetingInput.omit({ meetingId: true }), run: startMeeting },
  { path: 'attendance', operationId: 'markAttendance', schema: MarkAttendanceInput, body: MarkAttendanceInput.omit({ meetingId: true }), run: markAttendance },
  { path: 'current', operationId: 'setCurrentAgendaItem', schema: SetCurrentItemInput, body: SetCurrentItemInput.omit({ meetingId: true }), run: setCurrentItem },
  { path: 'notes', operationId: 'updateAgendaNotes', schema: UpdateNotesInput, body: UpdateNotesInput.omit({ meetingId: true }), run: updateNotes },
  { path: 'votes', operationId: 'openVote', schema: OpenVoteInput, body: OpenVoteInput.omit({ meetingId: true }), run: openVote },
  { path: 'votes/cast', operationId: 'castVote', schema: CastVoteInput, body: CastVoteInput.omit({ meetingId: true }), run: castOverHttp },
  { path: 'votes/close', operationId: 'closeVote', schema: CloseVoteInput, body: CloseVoteInput.omit({ meetingId: true }), run: closeVote },
  { path: 'end', operationId: 'endMeeting', schema: EndMeetingInput, body: EndMeetingInput.omit({ meetingId: true }), run: endMeeting },
  { path: 'protocol/edit', operationId: 'editProtocol', schema: EditProtocolInput, body: EditProtocolInput.omit({ meetingId: true }), run: editProtocol },
  { path: 'protocol/approve', operationId: 'approveProtocol', schema: ApproveProtocolInput, body: ApproveProtocolInput.omit({ meetingId: true }), run: approveProtocol },
  { path: 'protocol/sign', operationId: 'signProtocol', schema: SignProtocolInput, body: SignProtocolInput.omit({ meetingId: true }), run: signProtocol },
  { path: 'tasks', operationId: 'createMeetingTask', schema: CreateTaskInput, body: CreateTaskInput.omit({ meetingId: true }), run: createTask },
] as const;

type MeetingRun = (deps: MeetingDeps, actor: Actor, input: never) => Promise<MeetingEvent>;

/** Meetings over REST: the same services, schemas and errors as the socket. */
export function meetingsRoutes(deps: AppDeps) {
  const app = featureApp();
  app.use('*', requireActor(deps));
  const errors = mountMeetingQueries(app, deps);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      operationId: 'createMeeting',
      tags: ['meetings'],
      request: { body: { required: true, ...json(CreateMeetingInput) } },
      responses: { 200: { description: 'Created (or the first result of this mutation id)', ...json(MeetingEvent) }, ...errors },
    }),
    async (c) => {
      const actor = c.get('actor');
      await enforceLimit(deps.limits.mutation, `mut:${actor.id}`);
      return c.json(await createMeeting(deps, actor, c.req.valid('json')), 200);
    },
  );

  for (const m of MUTATIONS) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/{id}/${m.path}`,
        operationId: m.operationId,
        tags: ['meetings'],
        request: { params: MeetingPath, body: { required: true, ...json(m.body) } },
        responses: { 200: { description: 'Applied (or the first result of this mutation id): the event it appended', ...json(MeetingEvent) }, ...errors },
      }),
      async (c) => {
        const actor = c.get('actor');
        await enforceLimit(deps.limits.mutation, `mut:${actor.id}`);
        const input = m.schema.parse({ ...c.req.valid('json'), meetingId: c.req.valid('param').id });
        const event = await (m.run as MeetingRun)(deps, actor, input as never);
        deps.metrics.mutations.inc({ action: `meeting.${m.path}`, outcome: 'ok' });
        return c.json(event, 200);
      },
    );
  }
  return app;
}
