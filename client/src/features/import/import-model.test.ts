import type { ImportJobDto } from '@okno/shared';
import { describe, expect, it } from 'vitest';
import { applyProgress, hasRequiredColumns, MAPPING_FIELDS, percentOf, rowsToImport, runBlock, withColumn } from './import-model';

const job: ImportJobDto = {
  id: '00000000-0000-4000-8000-000000000001',
  fileName: 'pos.xlsx',
  format: 'xlsx',
  status: 'running',
  total: 100,
  processed: 40,
  createdAt: '2025-01-01T00:00:00.000Z',
  finishedAt: null,
  error: null,
  result: null,
};

describe('import model', () => {
  it('lists the required fields first and checks they are mapped', () => {
    expect(MAPPING_FIELDS.slice(0, 2)).toEqual(['externalId', 'text']);
    expect(new Set(MAPPING_FIELDS).size).toBe(MAPPING_FIELDS.length);
    expect(hasRequiredColumns({ externalId: 0 })).toBe(false);
    expect(hasRequiredColumns(withColumn({ externalId: 0 }, 'text', 3))).toBe(true);
    expect(hasRequiredColumns(withColumn({ externalId: 0, text: 3 }, 'text', null))).toBe(false);
  });

  it('computes a bounded percentage', () => {
    expect([percentOf(0, 0), percentOf(1, 3), percentOf(3, 3), percentOf(5, 3)]).toEqual([0, 33, 100, 100]);
  });

  it('applies progress events without going backwards or reopening a finished job', () => {
    const p = (processed: number, status: ImportJobDto['status']) => ({ jobId: job.id, processed, total: 100, status });
    expect(applyProgress(job, p(60, 'running')).processed).toBe(60);
    expect(applyProgress(job, p(20, 'running')).processed).toBe(40);
    const done = applyProgress(job, p(100, 'done'));
    expect(done.status).toBe('done');
    expect(applyProgress(done, p(80, 'running'))).toBe(done);
    expect(applyProgress(job, { ...p(90, 'running'), jobId: '00000000-0000-4000-8000-000000000002' })).toBe(job);
  });

  it('keeps the run off, with its reason, until it would write a row', () => {
    const mapped = { externalId: 0, text: 1 };
    const summary = (valid: number, existing: number, invalid = 0) => ({ total: valid + invalid, valid, invalid, existing, warned: 0 });
    expect(runBlock({ externalId: 0 }, summary(5, 0))).toBe('unmapped');
    expect(runBlock(mapped, null)).toBe('checking');
    expect(runBlock(mapped, summary(0, 0, 4))).toBe('noValid');
    // Re-import: «Будет загружено: 0, уже загружено ранее: 3» must not start an empty run.
    expect(runBlock(mapped, summary(3, 3))).toBe('allExisting');
    expect(runBlock(mapped, summary(11, 11, 1))).toBe('nothingNew');
    expect(runBlock(mapped, summary(3, 2))).toBeNull();
    expect([rowsToImport(summary(3, 3)), rowsToImport(summary(5, 2, 1)), rowsToImport(summary(1, 2))]).toEqual([0, 3, 0]);
  });
});
