import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  AnswerTemplateDto,
  AnswerTemplateList,
  AnswerTemplateQuery,
  CreateAnswerTemplateInput,
  DeleteAnswerTemplateQuery,
  UpdateAnswerTemplateInput,
} from '@okno/shared';
import type { AppDeps, HttpEnv } from '../../http/context.js';
import { json, errorResponse as err } from '../../http/openapi.js';
import { createTemplate, deleteTemplate, listTemplates, updateTemplate } from './templates.service.js';

const Path = z.object({ id: z.coerce.number().int().positive() });
const tags = ['answers'];
const refusals = {
  400: err('Invalid template (unknown placeholders, a category of another sector)'),
  401: err('Not signed in'),
  403: err('Not an editor of this sector’s templates'),
  404: err('No such template'),
  409: err('Changed meanwhile by someone else (stale version)'),
};

/** Canned answers: read by whoever answers, edited by leads (sector leads for their own sectors). */
export function mountTemplateRoutes(app: OpenAPIHono<HttpEnv>, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/templates',
      operationId: 'listAnswerTemplates',
      tags,
      request: { query: AnswerTemplateQuery },
      responses: { 200: { description: 'Matching templates, general ones included', ...json(AnswerTemplateList) }, 401: err('Not signed in'), 403: err('Does not answer items') },
    }),
    async (c) => c.json({ templates: await listTemplates(deps.orm, c.get('actor'), c.req.valid('query')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/templates',
      operationId: 'createAnswerTemplate',
      tags,
      request: { body: { required: true, ...json(CreateAnswerTemplateInput) } },
      responses: { 200: { description: 'The new template', ...json(AnswerTemplateDto) }, ...refusals },
    }),
    async (c) => c.json(await createTemplate(deps.orm, c.get('actor'), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/templates/{id}',
      operationId: 'updateAnswerTemplate',
      tags,
      request: { params: Path, body: { required: true, ...json(UpdateAnswerTemplateInput) } },
      responses: { 200: { description: 'The template after the change', ...json(AnswerTemplateDto) }, ...refusals },
    }),
    async (c) => c.json(await updateTemplate(deps.orm, c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/templates/{id}',
      operationId: 'deleteAnswerTemplate',
      tags,
      request: { params: Path, query: DeleteAnswerTemplateQuery },
      responses: { 200: { description: 'Deleted', ...json(z.object({ deleted: z.literal(true) })) }, ...refusals },
    }),
    async (c) => {
      await deleteTemplate(deps.orm, c.get('actor'), c.req.valid('param').id, c.req.valid('query').version);
      return c.json({ deleted: true as const }, 200);
    },
  );
}
