import { AppError, type ImportJobDto, type ImportSettings, type ImportStatus, type ItemEvent } from '@okno/shared';
import type { AppDeps } from '../../http/context.js';
import { requireQueueWorker, type Actor } from '../auth/actor.js';
import { deadlineRules } from '../deadlines/rules.js';
import { appendItemEvents } from '../events/event-log.js';
import { createNewItems } from '../ingest/ingest.service.js';
import type { Item } from '../items/item.entity.js';
import { toDtos } from '../items/items.query.js';
import { convertRows, type ConvertedRow } from './convert.js';
import { ImportJob } from './import-job.entity.js';
import { failedRows, warnedRows, type StoredImportResult } from './import-report.js';
import { assertSettings, convertContext, ensureImportSource, liveProgress, loadJob, tableOf, toJobDto } from './import.service.js';

/** Rows created per step inside the run's transaction; progress is reported after each. */
const CHUNK = 500;
/** A run still marked running after this long died with its node: it may be started again. */
const STALE_RUN_MS = 30 * 60_000;
const PROGRESS_EVERY_MS = 200;

function progressReporter(deps: AppDeps, userId: number, jobId: string, total: number) {
  let sentAt = 0;
  const send = (processed: number, status: ImportStatus) => deps.importProgress.send(userId, { jobId, processed, total, status });
  return {
    running(processed: number) {
      liveProgress.set(jobId, processed);
      const now = performance.now();
      if (now - sentAt < PROGRESS_EVERY_MS && processed < total) return;
      sentAt = now;
      send(processed, 'running');
    },
    done(processed: number) {
      liveProgress.delete(jobId);
      send(processed, 'done');
    },
  };
}

/** Sends committed events in slices, letting the node serve other work in between. */
async function publishInSlices(deps: AppDeps, events: ItemEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += CHUNK) {
    deps.publisher.publish(events.slice(i, i + CHUNK));
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Writes every valid row in ONE transaction: a database failure anywhere leaves no item and no
 * event behind. Items are created chunk by chunk (progress after each) through the ingest's
 * own creation, idempotent on (source, external id). The events are appended last, so the
 * global event-log lock (which orders every mutation's commit) is held only from their insert
 * to the commit, not for the whole run; they are published after commit.
 */
async function writeRows(deps: AppDeps, actor: Actor, jobId: string, converted: ConvertedRow[], settings: ImportSettings, now: Date) {
  const good = converted.filter((r) => r.item).map((r) => r.item!);
  const progress = progressReporter(deps, actor.id, jobId, converted.length);
  let processed = converted.length - good.length;
  progress.running(processed);
  const { events, result } = await deps.orm.em.fork().transactional(async (em) => {
    const source = await ensureImportSource(em, settings.defaults.origin);
    const rules = await deadlineRules(deps.orm).get(em);
    const created: Item[] = [];
    let skipped = 0;
    for (let i = 0; i < good.length; i += CHUNK) {
      const chunk = good.slice(i, i + CHUNK);
      const step = await createNewItems(em, source, chunk, rules, now);
      created.push(...step.created);
      skipped += step.existing.length;
      // The created items are kept (detached) for their events; an identity map that grows
      // with every chunk would make each flush re-check all earlier chunks (quadratic).
      em.clear();
      processed += chunk.length;
      progress.running(processed);
    }
    const dtos = await toDtos(em, created, false);
    const events = await appendItemEvents(em, actor, dtos.map((item) => ({ data: { type: 'item.created' as const }, item })));
    const result: StoredImportResult = { created: created.length, skipped, failed: failedRows(converted), warned: warnedRows(converted) };
    await em.nativeUpdate(ImportJob, { id: jobId }, { status: 'done', processed, result, finishedAt: new Date() });
    return { events, result };
  });
  progress.done(processed);
  await publishInSlices(deps, events);
  return result;
}

async function markFailed(deps: AppDeps, jobId: string, e: unknown): Promise<void> {
  const message =
    e instanceof AppError
      ? e.message
      : 'Импорт прерван ошибкой базы данных; ничего не записано. Повторите импорт или обратитесь к администратору.';
  await deps.orm.em.fork().nativeUpdate(ImportJob, { id: jobId }, { status: 'failed', error: message, processed: 0, finishedAt: new Date() });
}

/**
 * Starts a run and answers at once (the route answers 202): the job is claimed by one atomic
 * update, so two clicks or two nodes cannot run it twice; the work goes on in the background
 * and reports progress to the person's room.
 */
export async function startImport(deps: AppDeps, actor: Actor, jobId: string, settings: ImportSettings): Promise<ImportJobDto> {
  requireQueueWorker(actor);
  const em = deps.orm.em.fork();
  const job = await loadJob(em, actor, jobId);
  const table = await tableOf(em, job);
  assertSettings(settings, table);
  const startedAt = new Date();
  const claimed = await em.nativeUpdate(
    ImportJob,
    {
      id: jobId,
      userId: actor.id,
      $or: [{ status: { $in: ['uploaded', 'failed'] } }, { status: 'running', startedAt: { $lt: new Date(startedAt.getTime() - STALE_RUN_MS) } }],
    },
    { status: 'running', settings, startedAt, total: table.rows.length, processed: 0, error: null, result: null, finishedAt: null },
  );
  if (claimed === 0) {
    throw new AppError('conflict', 'Этот файл уже импортируется или импортирован. Чтобы повторить, загрузите его снова.');
  }
  const log = deps.log.child({ importJob: jobId });
  const started = performance.now();
  liveProgress.set(jobId, 0);
  void (async () => {
    try {
      const converted = convertRows(table.rows, settings, await convertContext(deps, deps.orm.em.fork()));
      const result = await writeRows(deps, actor, jobId, converted, settings, deps.clock());
      log.info({ rows: converted.length, created: result.created, skipped: result.skipped, failed: result.failed.length, ms: Math.round(performance.now() - started) }, 'import done');
    } catch (e) {
      log.error({ err: e }, 'import failed; nothing written');
      liveProgress.delete(jobId);
      await markFailed(deps, jobId, e).catch((err: unknown) => log.error({ err }, 'could not mark the import failed'));
      // After the row says why, so a client that reads the job on this event finds the reason.
      deps.importProgress.send(actor.id, { jobId, processed: 0, total: table.rows.length, status: 'failed' });
    }
  })();
  await em.refresh(job);
  return toJobDto(job);
}
