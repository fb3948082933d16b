import type { Orm } from '../../db/orm.js';
import type { Logger } from '../../log.js';

/** Rows deleted per statement, so pruning never holds many locks or a long transaction. */
const PRUNE_BATCH = 5000;

/**
 * Forgets applied mutation ids older than `before`: a retry after that long would be applied
 * anew (and meet the version check like any stale change). Returns how many were deleted.
 */
export async function pruneAppliedMutations(orm: Orm, before: Date): Promise<number> {
  const em = orm.em.fork();
  let total = 0;
  for (;;) {
    const rows = await em.execute<{ id: string }[]>(
      `delete from applied_mutation where id in (select id from applied_mutation where created_at < ? limit ${PRUNE_BATCH}) returning id`,
      [before],
    );
    total += rows.length;
    if (rows.length < PRUNE_BATCH) return total;
  }
}

/** Prunes once an hour on every node (deletes are idempotent, so nodes need not agree). */
export function startMutationPruning(orm: Orm, retentionDays: number, clock: () => Date, log: Logger): () => void {
  const run = () => {
    const before = new Date(clock().getTime() - retentionDays * 86_400_000);
    pruneAppliedMutations(orm, before)
      .then((n) => n > 0 && log.info({ pruned: n }, 'applied mutation ids pruned'))
      .catch((e: unknown) => log.warn({ err: e }, 'pruning applied mutation ids failed'));
  };
  const timer = setInterval(run, 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
