import { OptimisticLockError } from '@mikro-orm/core';
import { AppError, HTTP_STATUS_OF, type ErrorBody } from '@okno/shared';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import type { Logger } from '../log.js';

/** Maps any thrown value to the public error shape; unknown failures are logged, never leaked. */
export function toErrorBody(e: unknown, log: Logger, requestId?: string): { status: number; body: ErrorBody } {
  if (e instanceof AppError) return { status: HTTP_STATUS_OF[e.code], body: e.toBody(requestId) };
  if (e instanceof ZodError) {
    return {
      status: 400,
      body: { code: 'validation', message: 'Некорректные данные запроса', details: e.issues, requestId },
    };
  }
  // Hono's validators refuse a body before any handler runs (malformed JSON 400, missing or
  // wrong Content-Type 415): the client's mistake, answered in the contract's shape.
  if (e instanceof HTTPException && e.status < 500) {
    const message = e.status === 415 ? 'Ожидается тело запроса в JSON (Content-Type: application/json)' : 'Некорректные данные запроса';
    return { status: HTTP_STATUS_OF.validation, body: { code: 'validation', message, details: { reason: e.message }, requestId } };
  }
  if (e instanceof OptimisticLockError) {
    return {
      status: 409,
      body: { code: 'conflict', message: 'Запись изменена другим пользователем. Обновите и повторите.', requestId },
    };
  }
  log.error({ err: e, requestId }, 'unhandled error');
  return { status: 500, body: { code: 'internal', message: 'Внутренняя ошибка сервера', requestId } };
}
