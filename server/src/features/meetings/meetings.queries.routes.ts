import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { MeetingEvent, MeetingList, MeetingState, MeetingSyncResult, ProtocolDto, TaskDto, TaskListQuery, UpdateTaskInput } from '@okno/shared';
import { enforceLimit } from '../../http/auth-middleware.js';
import type { AppDeps, HttpEnv } from '../../http/context.js';
import { listMeetings, meetingState, meetingSync } from './meetings.query.js';
import { protocolDocument } from './protocol.document.js';
import { protocolDocx } from './protocol.docx.js';
import { protocolPdf } from './protocol.pdf.js';
import { getProtocol } from './protocol.service.js';
import { listTasks, updateTask } from './tasks.service.js';
import { json, errorResponse as err } from '../../http/openapi.js';

const Path = z.object({ id: z.coerce.number().int().positive() });
const TaskPath = z.object({ taskId: z.coerce.number().int().positive() });
const TaskList = z.object({ tasks: z.array(TaskDto) });
const binary = (type: string) => ({ content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } } });

const ERRORS = {
  400: err('Invalid input'),
  401: err('Not signed in'),
  403: err('Not allowed, not present or not a voting member'),
  404: err('Missing or not visible'),
  409: err('Conflict: stale version, invalid transition, no quorum, vote closed or already voted'),
  429: err('Rate limited'),
};

/** The read side (calendar, state, replay, protocol and its exports) and the tasks under control. */
export function mountMeetingQueries(app: OpenAPIHono<HttpEnv>, deps: AppDeps): typeof ERRORS {
  const ok = (description: string, schema: z.ZodType) => ({ 200: { description, ...json(schema) }, ...ERRORS });
  const route = { method: 'get' as const, tags: ['meetings'] };

  app.openapi(createRoute({ ...route, path: '/', operationId: 'listMeetings', responses: ok('The meetings this person may see (their calendar)', MeetingList) }), async (c) =>
    c.json(await listMeetings(deps.orm, c.get('actor')), 200),
  );
  app.openapi(
    createRoute({ ...route, path: '/tasks', operationId: 'listMeetingTasks', request: { query: TaskListQuery }, responses: ok('Decisions under control', TaskList) }),
    async (c) => c.json({ tasks: await listTasks(deps.orm, c.get('actor'), c.req.valid('query')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/tasks/{taskId}',
      operationId: 'updateMeetingTask',
      tags: ['meetings'],
      request: { params: TaskPath, body: { required: true, ...json(UpdateTaskInput.omit({ taskId: true })) } },
      responses: { 200: { description: 'Applied: the event it appended', ...json(MeetingEvent) }, ...ERRORS },
    }),
    async (c) => {
      const actor = c.get('actor');
      await enforceLimit(deps.limits.mutation, `mut:${actor.id}`);
      const input = UpdateTaskInput.parse({ ...c.req.valid('json'), taskId: c.req.valid('param').taskId });
      return c.json(await updateTask(deps, actor, input), 200);
    },
  );
  app.openapi(createRoute({ ...route, path: '/{id}', operationId: 'getMeeting', request: { params: Path }, responses: ok('The meeting’s state and the seq it reflects', MeetingState) }), async (c) =>
    c.json(await meetingState(deps.orm, deps.meetingRealtime, c.get('actor'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      ...route,
      path: '/{id}/events',
      operationId: 'listMeetingEvents',
      request: { params: Path, query: z.object({ since: z.coerce.number().int().nonnegative() }) },
      responses: ok('The meeting’s events after `since`, or reload when too many were missed', MeetingSyncResult),
    }),
    async (c) =>
      c.json(await meetingSync(deps.orm, c.get('actor'), c.req.valid('param').id, c.req.valid('query').since, deps.config.OKNO_MAX_REPLAY), 200),
  );
  app.openapi(createRoute({ ...route, path: '/{id}/protocol', operationId: 'getProtocol', request: { params: Path }, responses: ok('The protocol and whether it is intact since signing', ProtocolDto) }), async (c) =>
    c.json(await getProtocol(deps.orm, c.get('actor'), c.req.valid('param').id), 200),
  );

  const exports = [
    { ext: 'pdf', operationId: 'exportProtocolPdf', type: 'application/pdf', render: protocolPdf },
    { ext: 'docx', operationId: 'exportProtocolDocx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: protocolDocx },
  ] as const;
  for (const x of exports) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/{id}/protocol/${x.ext}`,
        operationId: x.operationId,
        tags: ['meetings'],
        request: { params: Path },
        responses: { 200: { description: `The protocol as ${x.ext.toUpperCase()}`, ...binary(x.type) }, ...ERRORS },
      }),
      async (c) => {
        const protocol = await getProtocol(deps.orm, c.get('actor'), c.req.valid('param').id);
        const file = await x.render(protocolDocument(protocol), `Протокол № ${protocol.meetingId}`);
        return c.body(new Uint8Array(file), 200, {
          'content-type': x.type,
          'content-disposition': `attachment; filename="protocol-${protocol.meetingId}.${x.ext}"`,
        });
      },
    );
  }
  return ERRORS;
}
