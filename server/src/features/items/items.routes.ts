import { createRoute, z } from '@hono/zod-openapi';
import {
  CategoriseInput,
  ChangeStatusInput,
  ClaimInput,
  CommentDto,
  CommentInput,
  DeescalateInput,
  EscalateInput,
  ExtendInput,
  InterimInput,
  ItemDto,
  ItemEvent,
  ItemListQuery,
  ItemSnapshot,
  MutationResult,
  ReleaseInput,
  ApproveAnswerInput,
  CloseInput,
  DeclineExtensionInput,
  RateInput,
  RequestExtensionInput,
  ReturnAnswerInput,
  RouteInput,
  SaveAnswerInput,
  SubmitAnswerInput,
} from '@okno/shared';
import { approveAnswer, requestExtension, returnAnswer, saveAnswer, submitAnswer } from '../answers/answers.service.js';
import { declineExtension } from '../answers/extension-decline.service.js';
import { closeItem, rateItem } from '../closing/closing.service.js';
import { routeItem } from '../routing/route.service.js';
import { enforceLimit, requireActor } from '../../http/auth-middleware.js';
import { featureApp, type AppDeps } from '../../http/context.js';
import type { Actor } from '../auth/actor.js';
import { extendItem, recordInterimAnswer } from '../deadlines/clock-mutations.js';
import { deescalateItem } from '../escalation/deescalate.js';
import { itemDetails, itemSnapshot } from './items.query.js';
import { categoriseItem, changeStatus, claimItem, commentItem, escalateItem, releaseItem, type ItemsDeps } from './items.service.js';
import { json, errorResponse as err } from '../../http/openapi.js';

const ItemPath = z.object({ id: z.coerce.number().int().positive() });

/** The item mutations, each with its body schema, service and stable operation id. */
const MUTATIONS = [
  { path: 'claim', operationId: 'claimItem', schema: ClaimInput, body: ClaimInput.omit({ itemId: true }), run: claimItem },
  { path: 'release', operationId: 'releaseItem', schema: ReleaseInput, body: ReleaseInput.omit({ itemId: true }), run: releaseItem },
  { path: 'comment', operationId: 'commentItem', schema: CommentInput, body: CommentInput.omit({ itemId: true }), run: commentItem },
  { path: 'categorise', operationId: 'categoriseItem', schema: CategoriseInput, body: CategoriseInput.omit({ itemId: true }), run: categoriseItem },
  { path: 'status', operationId: 'changeItemStatus', schema: ChangeStatusInput, body: ChangeStatusInput.omit({ itemId: true }), run: changeStatus },
  { path: 'escalate', operationId: 'escalateItem', schema: EscalateInput, body: EscalateInput.omit({ itemId: true }), run: escalateItem },
  { path: 'deescalate', operationId: 'deescalateItem', schema: DeescalateInput, body: DeescalateInput.omit({ itemId: true }), run: deescalateItem },
  { path: 'extend', operationId: 'extendItemDeadline', schema: ExtendInput, body: ExtendInput.omit({ itemId: true }), run: extendItem },
  { path: 'interim', operationId: 'recordInterimAnswer', schema: InterimInput, body: InterimInput.omit({ itemId: true }), run: recordInterimAnswer },
  { path: 'route', operationId: 'routeItem', schema: RouteInput, body: RouteInput.omit({ itemId: true }), run: routeItem },
  { path: 'answer', operationId: 'saveAnswer', schema: SaveAnswerInput, body: SaveAnswerInput.omit({ itemId: true }), run: saveAnswer },
  { path: 'answer/submit', operationId: 'submitAnswer', schema: SubmitAnswerInput, body: SubmitAnswerInput.omit({ itemId: true }), run: submitAnswer },
  { path: 'answer/return', operationId: 'returnAnswer', schema: ReturnAnswerInput, body: ReturnAnswerInput.omit({ itemId: true }), run: returnAnswer },
  { path: 'answer/approve', operationId: 'approveAnswer', schema: ApproveAnswerInput, body: ApproveAnswerInput.omit({ itemId: true }), run: approveAnswer },
  { path: 'extension-request', operationId: 'requestExtension', schema: RequestExtensionInput, body: RequestExtensionInput.omit({ itemId: true }), run: requestExtension },
  { path: 'extension-request/decline', operationId: 'declineExtension', schema: DeclineExtensionInput, body: DeclineExtensionInput.omit({ itemId: true }), run: declineExtension },
  { path: 'close', operationId: 'closeItem', schema: CloseInput, body: CloseInput.omit({ itemId: true }), run: closeItem },
  { path: 'rate', operationId: 'rateItem', schema: RateInput, body: RateInput.omit({ itemId: true }), run: rateItem },
] as const;

type MutationRun = (deps: ItemsDeps, actor: Actor, input: never) => Promise<MutationResult>;

export function itemsRoutes(deps: AppDeps) {
  const app = featureApp();
  app.use('*', requireActor(deps));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      operationId: 'listItems',
      tags: ['items'],
      request: { query: ItemListQuery },
      responses: { 200: { description: 'Snapshot of visible items and the seq it reflects', ...json(ItemSnapshot) }, 401: err('Not signed in') },
    }),
    async (c) => c.json(await itemSnapshot(deps.orm, c.get('actor'), c.req.valid('query'), deps.clock()), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      operationId: 'getItem',
      tags: ['items'],
      request: { params: ItemPath },
      responses: {
        200: {
          description: 'The item, its comments and its timeline',
          ...json(z.object({ item: ItemDto, comments: z.array(CommentDto), events: z.array(ItemEvent) })),
        },
        404: err('Missing or not visible'),
      },
    }),
    async (c) => c.json(await itemDetails(deps.orm, c.get('actor'), c.req.valid('param').id), 200),
  );

  for (const m of MUTATIONS) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/{id}/${m.path}`,
        operationId: m.operationId,
        tags: ['items'],
        request: { params: ItemPath, body: { required: true, ...json(m.body) } },
        responses: {
          200: { description: 'Applied (or the first result of this mutation id)', ...json(MutationResult) },
          400: err('Invalid input'),
          403: err('Not allowed'),
          404: err('Missing or not visible'),
          409: err('Conflict: stale version, already claimed or invalid transition'),
          429: err('Rate limited'),
        },
      }),
      async (c) => {
        const actor = c.get('actor');
        await enforceLimit(deps.limits.mutation, `mut:${actor.id}`);
        const input = m.schema.parse({ ...c.req.valid('json'), itemId: c.req.valid('param').id });
        const result = await (m.run as MutationRun)(deps, actor, input as never);
        deps.metrics.mutations.inc({ action: m.path, outcome: 'ok' });
        return c.json(result, 200);
      },
    );
  }
  return app;
}

export const ITEM_MUTATIONS = MUTATIONS;
