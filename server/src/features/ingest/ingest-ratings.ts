import { LockMode } from '@mikro-orm/core';
import { AppError, type IngestRating, type IngestRatingResult } from '@okno/shared';
import type { z } from 'zod';
import { applyRating } from '../closing/rating.service.js';
import { appendItemEvents, type EventAuthor } from '../events/event-log.js';
import { Item } from '../items/item.entity.js';
import type { ItemsDeps } from '../items/items.service.js';
import type { Source } from './source.entity.js';

type Row = z.infer<typeof IngestRating>;
type RowResult = IngestRatingResult['results'][number];

/**
 * Records citizens' ratings arriving from a source, each row in its own transaction (by the
 * item's external id at that source), so one refused row does not hold back the others. A
 * repeated batch changes nothing: an answer is rated once (the rule in shared/).
 */
export async function ingestRatings(deps: ItemsDeps, source: Source, rows: Row[]): Promise<IngestRatingResult> {
  const author: EventAuthor = { id: null, name: `Источник: ${source.name}`, ip: null };
  const results: RowResult[] = [];
  for (const row of rows) {
    let itemId: number | null = null;
    try {
      const { events, notices } = await deps.orm.em.fork().transactional(async (em) => {
        const item = await em.findOne(Item, { sourceId: source.id, externalId: row.externalId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!item) throw new AppError('not_found', `Запись с внешним номером ${row.externalId} от этого источника не найдена`);
        itemId = item.id;
        const comment = row.comment?.trim() || null;
        const rated = await applyRating(em, deps, item, { score: row.score, comment, source: 'ingest', ratedBy: null });
        return { events: await appendItemEvents(em, author, rated.events), notices: rated.notices };
      });
      deps.publisher.publish(events);
      deps.notifier.notify(notices);
      results.push({ externalId: row.externalId, ok: true, itemId });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ externalId: row.externalId, ok: false, itemId, code: e.code, message: e.message });
    }
  }
  return { results };
}
