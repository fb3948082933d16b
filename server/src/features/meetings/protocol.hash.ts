import { createHash } from 'node:crypto';
import { signedProtocolText } from '@okno/shared';
import type { Em } from '../../db/orm.js';
import type { Protocol } from './vote.entity.js';

/** sha256 (hex) of the protocol's canonical signed content. */
export function protocolHash(p: Protocol): string {
  const text = signedProtocolText({
    meetingId: p.meetingId,
    content: p.content,
    approvedById: p.approvedById ?? null,
    approvedAt: p.approvedAt?.toISOString() ?? null,
    signedById: p.signedById ?? null,
    signedAt: p.signedAt?.toISOString() ?? null,
  });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Whether a signed protocol is as it was signed: its content still hashes to the stored hash,
 * and that hash is the one the append-only event log recorded at signing. Null until signed.
 */
export async function protocolIntact(em: Em, p: Protocol): Promise<boolean | null> {
  if (p.status !== 'signed' || !p.hash) return null;
  const [row] = await em.execute<{ hash: string | null }[]>(
    `select payload->'data'->'protocol'->>'hash' as hash from event where meeting_id = ? and type = 'protocol.signed' order by seq desc limit 1`,
    [p.meetingId],
  );
  return protocolHash(p) === p.hash && row?.hash === p.hash;
}
