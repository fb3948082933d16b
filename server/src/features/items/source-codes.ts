import type { Em } from '../../db/orm.js';
import { Source } from '../ingest/source.entity.js';

// Sources are a handful of integrations that never change code: cache them per process.
const cache = new Map<number, string>();

/** The code of each source id, loading unknown ones. */
export async function sourceCodes(em: Em, ids: Iterable<number>): Promise<Map<number, string>> {
  const missing = [...new Set(ids)].filter((id) => !cache.has(id));
  if (missing.length) {
    for (const s of await em.find(Source, { id: { $in: missing } })) cache.set(s.id, s.code);
  }
  return cache;
}
