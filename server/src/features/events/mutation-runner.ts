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
  /** Runs after commit, after the events are published (e.g. send notifications written in the transaction). */
  afterCommit?: () => void;
}


async function storedResult<T>(em: Em, mutationId: string, actor: Actor): Promise<T | null> {
  const record = await em.findOne(MutationRecord, { id: mutationId });
  if (!record) return null;
  if (record.userId !== actor.id) {
    throw new AppError('validation', 'Идентификатор операции уже использован другим пользователем');
  }
  return record.result as T;
}

/** A mutation's answer and what to do once it has committed (publish its events). */
export interface IdempotentOutcome<T> {
  answer: T;
  afterCommit?: () => void;
}

/**
 * The idempotent core of every client mutation, whatever its stream: the work and the
 * idempotency record commit together or not at all; `afterCommit` runs only after commit. A
 * retry with the same mutation id returns the first answer without applying twice.
 */
export async function runIdempotent<T>(
  orm: Orm,
  actor: Actor,
  mutationId: string,
  work: (em: Em) => Promise<IdempotentOutcome<T>>,
): Promise<T> {
  const first = await storedResult<T>(orm.em.fork(), mutationId, actor);
  if (first) return first;
  try {
    let afterCommit: (() => void) | undefined;
    const answer = await orm.em.fork().transactional(async (em) => {
      const outcome = await work(em);
      em.create(MutationRecord, { id: mutationId, userId: actor.id, result: outcome.answer });
      await em.flush();
      afterCommit = outcome.afterCommit;
      return outcome.answer;
    });
    afterCommit?.();
    return answer;
  } catch (e) {
    // A concurrent retry of the same mutation committed first: answer its result.
    if (e instanceof UniqueConstraintViolationException) {
      const stored = await storedResult<T>(orm.em.fork(), mutationId, actor);
      if (stored) return stored;
    }
    throw e;
  }
}

/**
 * Runs one client mutation: the state change, its events and the idempotency record
 * commit together or not at all; events are published only after commit. A retry with
 * the same mutation id returns the first result without applying twice.
 */
export function runMutation(
  orm: Orm,
  publisher: EventPublisher,
  actor: Actor,
  mutationId: string,
  work: (em: Em) => Promise<MutationOutcome>,
): Promise<MutationResult> {
  return runIdempotent<MutationResult>(orm, actor, mutationId, async (em) => {
    const outcome = await work(em);
    const events: ItemEvent[] = await appendItemEvents(em, actor, outcome.events);
    const seq = events.at(-1)?.seq ?? 0;
    const item = events.at(-1)?.item ?? outcome.result;
    return {
      answer: { item, seq },
      afterCommit: () => {
        publisher.publish(events);
        outcome.afterCommit?.();
      },
    };
  });
}
