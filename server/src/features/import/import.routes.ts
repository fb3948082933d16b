import { createRoute, z } from '@hono/zod-openapi';
import {
  AppError,
  IMPORT_MAX_BYTES,
  ImportJobDto,
  ImportJobId,
  ImportPreviewDto,
  ImportSettings,
  ImportUploadDto,
} from '@okno/shared';
import { bodyLimit } from 'hono/body-limit';
import { requireActor } from '../../http/auth-middleware.js';
import { featureApp, type AppDeps } from '../../http/context.js';
import { errorResponse as err, json } from '../../http/openapi.js';
import { getImportJob, importReportCsv, listImportJobs, previewImport, uploadImport } from './import.service.js';
import { startImport } from './import.runner.js';

const JobPath = z.object({ jobId: ImportJobId });
const tooLarge = () => new AppError('too_large', `Файл больше ${IMPORT_MAX_BYTES / 1024 / 1024} МБ: разделите выгрузку на части`);
const UploadForm = z.object({
  file: z.instanceof(File).openapi({ type: 'string', format: 'binary', description: 'An XLSX or CSV export' }),
});

/** Import of XLSX and CSV exports: upload, mapping preview, run, progress, report. */
export function importRoutes(deps: AppDeps) {
  const app = featureApp();
  app.use('*', requireActor(deps));
  // The multipart envelope adds a little to the file itself.
  app.use('/files', bodyLimit({ maxSize: IMPORT_MAX_BYTES + 64 * 1024, onError: () => { throw tooLarge(); } }));

  app.openapi(
    createRoute({
      method: 'post',
      path: '/files',
      operationId: 'uploadImportFile',
      tags: ['import'],
      description: 'Stores an XLSX or CSV export (queue workers) and answers its columns, first rows and a suggested column mapping.',
      request: { body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
      responses: {
        201: { description: 'Stored and parsed', ...json(ImportUploadDto) },
        400: err('Not an XLSX or CSV, or no data rows'),
        403: err('Not a queue worker'),
        413: err('Larger than 20 MB or 100,000 rows'),
      },
    }),
    async (c) => {
      const { file } = c.req.valid('form');
      if (file.size > IMPORT_MAX_BYTES) throw tooLarge();
      const data = Buffer.from(await file.arrayBuffer());
      return c.json(await uploadImport(deps, c.get('actor'), file.name || 'import', data), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      operationId: 'listImportJobs',
      tags: ['import'],
      responses: { 200: { description: 'The person’s latest 20 imports, newest first, reports as counts only; files uploaded but not run for over an hour are left out', ...json(z.array(ImportJobDto)) }, 403: err('Not a queue worker') },
    }),
    async (c) => c.json(await listImportJobs(deps, c.get('actor')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{jobId}/preview',
      operationId: 'previewImport',
      tags: ['import'],
      description: 'Converts the file with the given mapping without writing: first rows, first failing rows, counts.',
      request: { params: JobPath, body: { required: true, ...json(ImportSettings) } },
      responses: {
        200: { description: 'What a run would do', ...json(ImportPreviewDto) },
        400: err('Mapping lacks a required column'),
        403: err('Not a queue worker'),
        404: err('No such import of this person'),
      },
    }),
    async (c) => c.json(await previewImport(deps, c.get('actor'), c.req.valid('param').jobId, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{jobId}/run',
      operationId: 'runImport',
      tags: ['import'],
      description:
        'Starts the import and answers at once; progress goes to the socket room user:<id> as import:progress. Valid rows are written in one transaction; rows already imported are skipped.',
      request: { params: JobPath, body: { required: true, ...json(ImportSettings) } },
      responses: {
        202: { description: 'Started', ...json(ImportJobDto) },
        400: err('Mapping lacks a required column'),
        403: err('Not a queue worker'),
        404: err('No such import of this person'),
        409: err('Already running or done'),
      },
    }),
    async (c) => c.json(await startImport(deps, c.get('actor'), c.req.valid('param').jobId, c.req.valid('json')), 202),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{jobId}',
      operationId: 'getImportJob',
      tags: ['import'],
      request: { params: JobPath },
      responses: {
        200: { description: 'Status, progress and, once finished, the report', ...json(ImportJobDto) },
        403: err('Not a queue worker'),
        404: err('No such import of this person'),
      },
    }),
    async (c) => c.json(await getImportJob(deps, c.get('actor'), c.req.valid('param').jobId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{jobId}/errors.csv',
      operationId: 'getImportReportCsv',
      tags: ['import'],
      request: { params: JobPath },
      responses: {
        200: { description: 'Per-row report (UTF-8 with BOM, `;`-separated) for Excel', content: { 'text/csv': { schema: z.string() } } },
        403: err('Not a queue worker'),
        404: err('No such import, or not finished'),
      },
    }),
    async (c) => {
      const { fileName, csv } = await importReportCsv(deps, c.get('actor'), c.req.valid('param').jobId);
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="import-errors.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      });
    },
  );

  return app;
}
