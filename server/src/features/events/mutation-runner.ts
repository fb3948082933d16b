import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError, type ItemEvent, type MutationResult } from '@okno/shared';
import type { Em, Orm } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { appendItemEvents, type PendingItemEvent } from './event-log.js';
import { MutationRecord } from './event.entity.js';

/** Delivers committed events to connected clients (Socket.IO rooms, across nodes). */
export interface EventPublisher {
  publish(events: ItemEvent[]): void;
}

export interface MutationOutcome {
  result: MutationResult['item'];
  events: PendingItemEvent[];
}


async function storedResult(em: Em, mutationId: string, actor: Actor): Promise<MutationResult | null> {
  const record = await em.findOne(MutationRecord, { id: mutationId });
  if (!record) return null;
  if (record.userId !== actor.id) {
    throw new AppError('validation', 'Идентификатор операции уже использован другим пользователем');
  }
  return record.result as MutationResult;
}

/**
 * Runs one client mutation: the state change, its events and the idempotency record
 * commit together or not at all; events are published only after commit. A retry with
 * the same mutation id returns the first result without applying twice.
 */
export async function runMutation(
  orm: Orm,
  publisher: EventPublisher,
  actor: Actor,
  mutationId: string,
  work: (em: Em) => Promise<MutationOutcome>,
): Promise<MutationResult> {
  const first = await storedResult(orm.em.fork(), mutationId, actor);
  if (first) return first;
  let events: ItemEvent[] = [];
  try {
    const result = await orm.em.fork().transactional(async (em) => {
      const outcome = await work(em);
      events = await appendItemEvents(em, actor, outcome.events);
      const seq = events.at(-1)?.seq ?? 0;
      const item = events.at(-1)?.item ?? outcome.result;
      const answer: MutationResult = { item, seq };
      em.create(MutationRecord, { id: mutationId, userId: actor.id, result: answer });
      await em.flush();
      return answer;
    });
    publisher.publish(events);
    return result;
  } catch (e) {
    // A concurrent retry of the same mutation committed first: answer its result.
    if (e instanceof UniqueConstraintViolationException) {
      const stored = await storedResult(orm.em.fork(), mutationId, actor);
      if (stored) return stored;
    }
    throw e;
  }
}
