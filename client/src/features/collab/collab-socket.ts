import { BulkResult, type Ack, type BulkInput } from '@okno/shared';
import { parseAck, type OknoSocket } from '../../api/socket';
import type { TypingField } from './typing-state';

/** 200 items, each its own transaction: allow for a slow server before treating the call as lost. */
const BULK_ACK_TIMEOUT_MS = 60_000;

/** Runs one bulk action; the answer reports per item what succeeded and what was refused. */
export async function emitBulk(socket: OknoSocket, input: BulkInput): Promise<Ack<BulkResult>> {
  const raw: unknown = await socket.timeout(BULK_ACK_TIMEOUT_MS).emitWithAck('item:bulk', input);
  return parseAck(raw, BulkResult);
}

/** Tells the item's viewers this person is typing; best effort, never queued while offline. */
export function emitTyping(socket: OknoSocket, itemId: number, field: TypingField): void {
  socket.volatile.emit('item:typing', { itemId, field }, () => undefined);
}
