import {
  ErrorBody,
  MutationResult,
  Presence,
  SyncResult,
  type Ack,
  type CategoriseInput,
  type ChangeStatusInput,
  type ClaimInput,
  type ClientToServerEvents,
  type CommentInput,
  type DeescalateInput,
  type EscalateInput,
  type ExtendInput,
  type InterimInput,
  type ReleaseInput,
  type ServerToClientEvents,
  type RouteInput,
  type SaveAnswerInput,
  type SubmitAnswerInput,
  type ReturnAnswerInput,
  type ApproveAnswerInput,
  type RequestExtensionInput,
  type DeclineExtensionInput,
  type CloseInput,
  type RateInput,
} from '@okno/shared';
import { io, type Socket } from 'socket.io-client';
import type { Parser } from './http';

export type OknoSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How long a socket acknowledgement may take before the call is treated as lost. */
export const ACK_TIMEOUT_MS = 8000;

/** Opens the realtime socket at the page origin; the session cookie authenticates it. */
export function openSocket(): OknoSocket {
  // websocket only: no long-polling fallback, so sticky sessions are not needed behind a balancer.
  return io({ transports: ['websocket'], withCredentials: true, autoConnect: false });
}

/** Item mutations, by socket event name, with the payload each carries. */
export interface MutationInputs {
  'item:claim': ClaimInput;
  'item:release': ReleaseInput;
  'item:comment': CommentInput;
  'item:categorise': CategoriseInput;
  'item:status': ChangeStatusInput;
  'item:escalate': EscalateInput;
  'item:deescalate': DeescalateInput;
  'item:extend': ExtendInput;
  'item:interim': InterimInput;
  'item:route': RouteInput;
  'item:answer_save': SaveAnswerInput;
  'item:answer_submit': SubmitAnswerInput;
  'item:answer_return': ReturnAnswerInput;
  'item:answer_approve': ApproveAnswerInput;
  'item:extension_request': RequestExtensionInput;
  'item:extension_decline': DeclineExtensionInput;
  'item:close': CloseInput;
  'item:rate': RateInput;
}
export type MutationEvent = keyof MutationInputs;
export const MUTATION_EVENTS: readonly MutationEvent[] = [
  'item:claim',
  'item:release',
  'item:comment',
  'item:categorise',
  'item:status',
  'item:escalate',
  'item:deescalate',
  'item:extend',
  'item:interim',
  'item:route',
  'item:answer_save',
  'item:answer_submit',
  'item:answer_return',
  'item:answer_approve',
  'item:extension_request',
  'item:extension_decline',
  'item:close',
  'item:rate',
];

/** One mutation, tagged by its event, so a switch narrows the input. */
export type MutationCall = { [E in MutationEvent]: { event: E; input: MutationInputs[E] } }[MutationEvent];

/** Validates an acknowledgement received from the server (types alone do not validate). */
export function parseAck<T>(raw: unknown, parser: Parser<T>): Ack<T> {
  if (typeof raw === 'object' && raw !== null && 'ok' in raw) {
    if (raw.ok === true && 'data' in raw) return { ok: true, data: parser.parse(raw.data) };
    if (raw.ok === false && 'error' in raw) return { ok: false, error: ErrorBody.parse(raw.error) };
  }
  return { ok: false, error: { code: 'internal', message: 'Malformed acknowledgement' } };
}

/**
 * Sends one mutation and waits for its acknowledgement. Rejects when no answer comes within
 * the timeout; the caller retries with the same mutationId (the server is idempotent).
 */
export async function emitMutation(socket: OknoSocket, call: MutationCall): Promise<Ack<MutationResult>> {
  const s = socket.timeout(ACK_TIMEOUT_MS);
  let raw: unknown;
  switch (call.event) {
    case 'item:claim':
      raw = await s.emitWithAck('item:claim', call.input);
      break;
    case 'item:release':
      raw = await s.emitWithAck('item:release', call.input);
      break;
    case 'item:comment':
      raw = await s.emitWithAck('item:comment', call.input);
      break;
    case 'item:categorise':
      raw = await s.emitWithAck('item:categorise', call.input);
      break;
    case 'item:status':
      raw = await s.emitWithAck('item:status', call.input);
      break;
    case 'item:escalate':
      raw = await s.emitWithAck('item:escalate', call.input);
      break;
    case 'item:deescalate':
      raw = await s.emitWithAck('item:deescalate', call.input);
      break;
    case 'item:extend':
      raw = await s.emitWithAck('item:extend', call.input);
      break;
    case 'item:interim':
      raw = await s.emitWithAck('item:interim', call.input);
      break;
    case 'item:route':
      raw = await s.emitWithAck('item:route', call.input);
      break;
    case 'item:answer_save':
      raw = await s.emitWithAck('item:answer_save', call.input);
      break;
    case 'item:answer_submit':
      raw = await s.emitWithAck('item:answer_submit', call.input);
      break;
    case 'item:answer_return':
      raw = await s.emitWithAck('item:answer_return', call.input);
      break;
    case 'item:answer_approve':
      raw = await s.emitWithAck('item:answer_approve', call.input);
      break;
    case 'item:extension_request':
      raw = await s.emitWithAck('item:extension_request', call.input);
      break;
    case 'item:extension_decline':
      raw = await s.emitWithAck('item:extension_decline', call.input);
      break;
    case 'item:close':
      raw = await s.emitWithAck('item:close', call.input);
      break;
    case 'item:rate':
      raw = await s.emitWithAck('item:rate', call.input);
      break;
    default: {
      const never: never = call;
      throw new Error(`unknown mutation ${String(never)}`);
    }
  }
  return parseAck(raw, MutationResult);
}

/** Asks for the events after `sinceSeq`. */
export async function emitSync(socket: OknoSocket, sinceSeq: number): Promise<Ack<SyncResult>> {
  const raw: unknown = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('sync', { sinceSeq });
  return parseAck(raw, SyncResult);
}

/** Tells the server which item this tab is looking at (null: none); answers its viewers. */
export async function emitView(socket: OknoSocket, itemId: number | null): Promise<Ack<Presence | null>> {
  const raw: unknown = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('item:view', { itemId });
  return parseAck(raw, Presence.nullable());
}
