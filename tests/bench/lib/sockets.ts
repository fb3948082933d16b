/** Opening many client sockets without flooding a small machine. */

export interface Closable {
  close(): unknown;
}

/**
 * Opens `count` sockets, `batchSize` at a time (each batch fully connected before the next),
 * and returns them in index order. On failure the ones already open are closed.
 */
export async function openInBatches<S extends Closable>(
  count: number,
  open: (index: number) => Promise<S>,
  batchSize = 50,
): Promise<S[]> {
  const sockets: S[] = [];
  try {
    for (let start = 0; start < count; start += batchSize) {
      const batch = Array.from({ length: Math.min(batchSize, count - start) }, (_, k) => open(start + k));
      const settled = await Promise.allSettled(batch);
      for (const s of settled) if (s.status === 'fulfilled') sockets.push(s.value);
      const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (failed) throw new Error(`opening socket failed: ${String(failed.reason)}`);
    }
    return sockets;
  } catch (e) {
    closeAll(sockets);
    throw e;
  }
}

export function closeAll(sockets: readonly Closable[]): void {
  for (const s of sockets) s.close();
}
