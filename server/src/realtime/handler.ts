import type { Ack } from '@okno/shared';
import type { z } from 'zod';
import { enforceLimit } from '../http/auth-middleware.js';
import type { AppDeps } from '../http/context.js';
import { toErrorBody } from '../http/errors.js';
import type { Logger } from '../log.js';
import type { OknoSocket } from './types.js';

/**
 * Wraps a socket event handler: parses the payload with its shared schema, runs it, and
 * always answers the acknowledgement with the one Ack shape, whatever goes wrong.
 */
export function acked<S extends z.ZodType, T>(
  socket: OknoSocket,
  log: Logger,
  schema: S,
  run: (input: z.infer<S>) => Promise<T>,
) {
  return async (payload: unknown, ack: unknown): Promise<void> => {
    const reply = typeof ack === 'function' ? (ack as (a: Ack<T>) => void) : () => undefined;
    try {
      reply({ ok: true, data: await run(schema.parse(payload)) });
    } catch (e) {
      reply({ ok: false, error: toErrorBody(e, log.child({ socket: socket.id })).body });
    }
  };
}

/**
 * A socket mutation: rate-limited per person, parsed, run, counted in the metrics and always
 * acknowledged with the one Ack shape. Item and meeting handlers share it.
 */
export function socketMutation<S extends z.ZodType, T>(
  socket: OknoSocket,
  deps: Pick<AppDeps, 'log' | 'limits' | 'metrics'>,
  schema: S,
  action: string,
  run: (input: z.infer<S>) => Promise<T>,
) {
  const actor = socket.data.actor;
  return acked(socket, deps.log, schema, async (input) => {
    await enforceLimit(deps.limits.mutation, `mut:${actor.id}`);
    const result = await run(input);
    deps.metrics.mutations.inc({ action, outcome: 'ok' });
    return result;
  });
}
