import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AttachmentDto } from '@okno/shared';
import { bodyLimit } from 'hono/body-limit';
import { enforceLimit } from '../../http/auth-middleware.js';
import type { AppDeps, HttpEnv } from '../../http/context.js';
import { json, errorResponse as err } from '../../http/openapi.js';
import { downloadAttachment, MAX_ATTACHMENT_BYTES, tooLarge, uploadAttachment } from './attachments.service.js';

const UploadQuery = z.object({ itemId: z.coerce.number().int().positive() });
const UploadForm = z.object({
  file: z.custom<File>((v) => v instanceof Blob, { message: 'Ожидается файл в поле file' }).openapi({ type: 'string', format: 'binary' }),
});
const Path = z.object({ id: z.coerce.number().int().positive() });

/** "name.pdf" for old clients, the exact UTF-8 name for everyone else (RFC 6266). */
const disposition = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Answer files: upload (multipart, up to 10 MB) and download for whoever may see the item. */
export function mountAttachmentRoutes(app: OpenAPIHono<HttpEnv>, deps: AppDeps): void {
  // Refuse an oversized body while it streams in, before it is buffered whole (form overhead allowed).
  app.use('/attachments', bodyLimit({ maxSize: MAX_ATTACHMENT_BYTES + 64 * 1024, onError: () => { throw tooLarge(); } }));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/attachments',
      operationId: 'uploadAnswerAttachment',
      tags: ['answers'],
      request: { query: UploadQuery, body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
      responses: {
        200: { description: 'The stored file, to name in the answer’s attachmentIds', ...json(AttachmentDto) },
        400: err('No file'),
        403: err('May not answer this item'),
        404: err('Missing or not visible'),
        409: err('The item is not at the answer step'),
        413: err('Larger than 10 MB'),
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      await enforceLimit(deps.limits.mutation, `mut:${actor.id}`);
      const file = await uploadAttachment(deps, actor, c.req.valid('query').itemId, c.req.valid('form').file);
      return c.json(file, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/attachments/{id}',
      operationId: 'downloadAnswerAttachment',
      tags: ['answers'],
      request: { params: Path },
      responses: {
        200: { description: 'The file', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
        404: err('Missing or not visible'),
      },
    }),
    async (c) => {
      const file = await downloadAttachment(deps.orm, c.get('actor'), c.req.valid('param').id);
      return c.body(new Uint8Array(file.data), 200, {
        'content-type': file.mime,
        'content-disposition': disposition(file.name),
        'x-content-type-options': 'nosniff',
      });
    },
  );
}
