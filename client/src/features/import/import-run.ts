import { ImportProgress, type ImportJobDto } from '@okno/shared';
import { createEffect, createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import { importApi } from '../../api/import.api';
import type { OknoSocket } from '../../api/socket';
import { applyProgress, isFinished } from './import-model';

/** How often the page asks for the job while it runs, in case socket events are lost. */
const POLL_MS = 2000;

export interface ImportRun {
  job: Accessor<ImportJobDto | null>;
  /** Starts following a job the server has just accepted. */
  follow: (job: ImportJobDto) => void;
  clear: () => void;
}

/**
 * Follows a run: progress from the socket (`import:progress` to the person's room), a poll as
 * the fallback, and one fetch at the end for the report. `onFinished` runs once per job.
 */
export function createImportRun(socket: OknoSocket, onFinished: (job: ImportJobDto) => void): ImportRun {
  const [job, setJob] = createSignal<ImportJobDto | null>(null);
  let reported: string | null = null;

  const finish = (j: ImportJobDto) => {
    setJob(j);
    if (reported !== j.id) {
      reported = j.id;
      onFinished(j);
    }
  };
  const refresh = async (id: string) => {
    const latest = await importApi.job(id).catch(() => null);
    const current = job();
    if (!latest || current?.id !== id) return;
    if (isFinished(latest)) finish(latest);
    // The event outran the job's row (another node's replica, say): ask again shortly.
    else if (isFinished(current)) setTimeout(() => void refresh(id), 1000);
    else setJob(applyProgress(current, { jobId: id, processed: latest.processed, total: latest.total, status: 'running' }));
  };

  const onProgress = (raw: unknown) => {
    const p = ImportProgress.safeParse(raw);
    const current = job();
    if (!p.success || !current || p.data.jobId !== current.id) return;
    const next = applyProgress(current, p.data);
    setJob(next);
    // The event says it finished; the report itself comes with the job.
    if (isFinished(next) && !next.result && !next.error) void refresh(next.id);
  };
  // eslint-disable-next-line solid/reactivity -- a socket listener reads the job when an event arrives
  socket.on('import:progress', onProgress);
  onCleanup(() => socket.off('import:progress', onProgress));

  const runningId = createMemo(() => {
    const current = job();
    return current && !isFinished(current) ? current.id : null;
  });
  createEffect(() => {
    const id = runningId();
    if (!id) return;
    const timer = setInterval(() => void refresh(id), POLL_MS);
    onCleanup(() => clearInterval(timer));
  });

  return {
    job,
    follow: (j) => (isFinished(j) ? finish(j) : setJob(j)),
    clear: () => setJob(null),
  };
}
