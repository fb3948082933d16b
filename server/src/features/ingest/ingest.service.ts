import { createHash } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError, type IngestItem, type IngestResult } from '@okno/shared';
import type { Em, Orm } from '../../db/orm.js';
import { Category, Territory } from '../directory/directory.entity.js';
import { appendItemEvents, type EventAuthor } from '../events/event-log.js';
import { startClock } from '../deadlines/item-clock.js';
import { deadlineRules, type DeadlineRules } from '../deadlines/rules.js';
import type { EventPublisher } from '../events/mutation-runner.js';
import { Item } from '../items/item.entity.js';
import { toDtos } from '../items/items.query.js';
import { Source } from './source.entity.js';

export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export async function sourceForKey(em: Em, apiKey: string | undefined): Promise<Source> {
  const source = apiKey ? await em.findOne(Source, { apiKeyHash: hashApiKey(apiKey) }) : null;
  if (!source) throw new AppError('unauthenticated', 'Неверный или отсутствующий ключ источника (X-Api-Key)');
  return source;
}

const titleOf = (i: IngestItem): string => i.title ?? (i.text.length > 120 ? `${i.text.slice(0, 117)}…` : i.text);

async function codeMaps(em: Em, items: IngestItem[]) {
  const categoryCodes = [...new Set(items.map((i) => i.categoryCode).filter((c): c is string => !!c))];
  const territoryCodes = [...new Set(items.map((i) => i.territoryCode).filter((c): c is string => !!c))];
  const [categories, territories] = await Promise.all([
    categoryCodes.length ? em.find(Category, { code: { $in: categoryCodes } }) : [],
    territoryCodes.length ? em.find(Territory, { code: { $in: territoryCodes } }) : [],
  ]);
  return {
    category: new Map(categories.map((c) => [c.code, c])),
    territory: new Map(territories.map((t) => [t.code, t.id])),
  };
}

/** Class of the per-source advisory lock (two-key form: its own key space, apart from the event lock). */
const INGEST_LOCK_CLASS = 7_301_002;

/**
 * Creates (and flushes) the batch's items not yet known for the source, inside the caller's
 * transaction; the file import reuses it chunk by chunk. Events are the caller's to append.
 */
export async function createNewItems(em: Em, source: Source, items: IngestItem[], rules: DeadlineRules, now: Date) {
  // One batch of a source at a time: concurrent overlapping batches would otherwise wait on
  // each other's unique-index entries in opposite orders and deadlock. Batches already commit
  // one at a time (the event append lock), so little parallelism is lost.
  await em.execute('select pg_advisory_xact_lock(?, ?)', [INGEST_LOCK_CLASS, source.id]);
  const existing = await em.find(Item, { sourceId: source.id, externalId: { $in: items.map((i) => i.externalId) } });
  const known = new Map(existing.map((i) => [i.externalId, i.id]));
  const maps = await codeMaps(em, items);
  const created: Item[] = [];
  for (const input of items) {
    if (known.has(input.externalId)) continue;
    const category = input.categoryCode ? maps.category.get(input.categoryCode) : undefined;
    const item = em.create(Item, {
      kind: input.kind,
      channel: input.channel,
      sourceId: source.id,
      externalId: input.externalId,
      title: titleOf(input),
      text: input.text,
      authorName: input.authorName ?? null,
      link: input.link ?? null,
      sector: input.sector ?? category?.sector ?? null,
      categoryId: category?.id ?? null,
      territoryId: input.territoryCode ? (maps.territory.get(input.territoryCode) ?? null) : null,
      address: input.address ?? null,
      status: 'new',
      assigneeId: null,
      departmentId: null,
      escalationLevel: 'operator',
      receivedAt: input.receivedAt ? new Date(input.receivedAt) : now,
      importance: input.importance ?? 'normal',
    });
    startClock(item, input.categoryCode ?? null, rules);
    known.set(input.externalId, -1);
    created.push(item);
  }
  await em.flush();
  return { existing, created };
}

async function ingestOnce(em: Em, source: Source, items: IngestItem[], rules: DeadlineRules, now: Date) {
  const { existing, created } = await createNewItems(em, source, items, rules, now);
  const author: EventAuthor = { id: null, name: `Источник: ${source.name}`, ip: null };
  const dtos = await toDtos(em, created, false);
  const events = await appendItemEvents(em, author, dtos.map((item) => ({ data: { type: 'item.created' as const }, item })));
  const ids = new Map(existing.map((i) => [i.externalId, i.id]));
  for (const i of created) ids.set(i.externalId, i.id);
  const createdIds = new Set(created.map((i) => i.externalId));
  const results = items.map((i) => ({ externalId: i.externalId, id: ids.get(i.externalId)!, created: createdIds.has(i.externalId) }));
  return { results, events };
}

/**
 * Creates the batch's new items in one transaction, idempotent on (source, external id):
 * a repeated external id answers the existing item. Batches of one source run one at a time
 * (advisory lock); should a duplicate insert still lose on the unique constraint, the batch is
 * retried once and then finds the item.
 */
export async function ingestBatch(
  orm: Orm,
  publisher: EventPublisher,
  source: Source,
  items: IngestItem[],
  now: Date = new Date(),
): Promise<IngestResult> {
  // Repeats inside one batch collapse to their first occurrence.
  const first = new Map<string, IngestItem>();
  for (const i of items) if (!first.has(i.externalId)) first.set(i.externalId, i);
  const unique = [...first.values()];
  for (let attempt = 0; ; attempt++) {
    try {
      const { results, events } = await orm.em.fork().transactional(async (em) =>
        ingestOnce(em, source, unique, await deadlineRules(orm).get(em), now),
      );
      publisher.publish(events);
      const byId = new Map(results.map((r) => [r.externalId, r]));
      const answered = new Set<string>();
      return {
        results: items.map((i) => {
          const r = byId.get(i.externalId)!;
          const repeat = answered.has(i.externalId);
          answered.add(i.externalId);
          return repeat ? { ...r, created: false } : r;
        }),
      };
    } catch (e) {
      if (attempt === 0 && e instanceof UniqueConstraintViolationException) continue;
      throw e;
    }
  }
}
