import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { ImportFormat, ImportSettings, ImportStatus } from '@okno/shared';
import type { StoredImportResult } from './import-report.js';

/**
 * One uploaded export and its import run. The file itself is kept in the row, so whichever
 * node gets the preview or run request can read it.
 */
export const ImportJob = defineEntity({
  name: 'ImportJob',
  indexes: [{ properties: ['userId', 'createdAt'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    userId: p.integer(),
    fileName: p.string(),
    format: p.string().$type<ImportFormat>(),
    /** The uploaded bytes; lazy, so status reads do not drag the file along. */
    data: p.blob().lazy(),
    status: p.string().$type<ImportStatus>(),
    settings: p.json<ImportSettings>().nullable(),
    /** Data rows in the file, and how many of them the run has handled. */
    total: p.integer().default(0),
    processed: p.integer().default(0),
    result: p.json<StoredImportResult>().nullable(),
    error: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
  },
});
export type ImportJob = InferEntity<typeof ImportJob>;
