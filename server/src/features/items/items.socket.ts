import { C2S_SCHEMAS, type MutationResult } from '@okno/shared';
import type { z } from 'zod';
import type { AppDeps } from '../../http/context.js';
import { socketMutation } from '../../realtime/handler.js';
import type { OknoSocket } from '../../realtime/types.js';
import type { Actor } from '../auth/actor.js';
import { extendItem, recordInterimAnswer } from '../deadlines/clock-mutations.js';
import { deescalateItem } from '../escalation/deescalate.js';
import { approveAnswer, requestExtension, returnAnswer, saveAnswer, submitAnswer } from '../answers/answers.service.js';
import { declineExtension } from '../answers/extension-decline.service.js';
import { closeItem, rateItem } from '../closing/closing.service.js';
import { routeItem } from '../routing/route.service.js';
import { categoriseItem, changeStatus, claimItem, commentItem, escalateItem, releaseItem, type ItemsDeps } from './items.service.js';

/** Item mutations over the socket: the same services, schemas and errors as REST. */
export function registerItemHandlers(socket: OknoSocket, deps: AppDeps): void {
  const actor = socket.data.actor;
  const mutation = <S extends z.ZodType>(
    schema: S,
    action: string,
    run: (deps: ItemsDeps, actor: Actor, input: z.infer<S>) => Promise<MutationResult>,
  ) => socketMutation(socket, deps, schema, action, (input) => run(deps, actor, input));
  socket.on('item:claim', mutation(C2S_SCHEMAS['item:claim'], 'claim', claimItem));
  socket.on('item:release', mutation(C2S_SCHEMAS['item:release'], 'release', releaseItem));
  socket.on('item:comment', mutation(C2S_SCHEMAS['item:comment'], 'comment', commentItem));
  socket.on('item:categorise', mutation(C2S_SCHEMAS['item:categorise'], 'categorise', categoriseItem));
  socket.on('item:status', mutation(C2S_SCHEMAS['item:status'], 'status', changeStatus));
  socket.on('item:escalate', mutation(C2S_SCHEMAS['item:escalate'], 'escalate', escalateItem));
  socket.on('item:deescalate', mutation(C2S_SCHEMAS['item:deescalate'], 'deescalate', deescalateItem));
  socket.on('item:extend', mutation(C2S_SCHEMAS['item:extend'], 'extend', extendItem));
  socket.on('item:interim', mutation(C2S_SCHEMAS['item:interim'], 'interim', recordInterimAnswer));
  socket.on('item:route', mutation(C2S_SCHEMAS['item:route'], 'route', routeItem));
  socket.on('item:answer_save', mutation(C2S_SCHEMAS['item:answer_save'], 'answer_save', saveAnswer));
  socket.on('item:answer_submit', mutation(C2S_SCHEMAS['item:answer_submit'], 'answer_submit', submitAnswer));
  socket.on('item:answer_return', mutation(C2S_SCHEMAS['item:answer_return'], 'answer_return', returnAnswer));
  socket.on('item:answer_approve', mutation(C2S_SCHEMAS['item:answer_approve'], 'answer_approve', approveAnswer));
  socket.on('item:extension_request', mutation(C2S_SCHEMAS['item:extension_request'], 'extension_request', requestExtension));
  socket.on('item:extension_decline', mutation(C2S_SCHEMAS['item:extension_decline'], 'extension_decline', declineExtension));
  socket.on('item:close', mutation(C2S_SCHEMAS['item:close'], 'close', closeItem));
  socket.on('item:rate', mutation(C2S_SCHEMAS['item:rate'], 'rate', rateItem));
}
