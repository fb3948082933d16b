import { C2S_SCHEMAS } from '@okno/shared';
import { MUTATION_EVENTS, type MutationCall, type MutationEvent } from '../../api/socket';
import type { OutboxEntry } from './outbox';

/**
 * The outbox survives a reload of the page: an action taken offline must reach the server or
 * be refused visibly, never vanish with the tab. Entries are re-validated with the shared
 * schemas on the way back in, because localStorage is outside our control.
 */
export function outboxKey(userId: number): string {
  return `okno.outbox.${userId}`;
}

export function saveOutbox(key: string, entries: readonly OutboxEntry[]): void {
  try {
    if (entries.length === 0) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(entries));
  } catch {
    // Storage full or disabled: the outbox still works for this tab's lifetime.
  }
}

function isMutationEvent(value: unknown): value is MutationEvent {
  return typeof value === 'string' && (MUTATION_EVENTS as readonly string[]).includes(value);
}

function parseCall(raw: unknown): MutationCall | null {
  if (typeof raw !== 'object' || raw === null || !('event' in raw) || !('input' in raw)) return null;
  const event = raw.event;
  if (!isMutationEvent(event)) return null;
  const parsed = C2S_SCHEMAS[event].safeParse(raw.input);
  // The schema for `event` validated the input, so the pair is a well-formed MutationCall.
  return parsed.success ? ({ event, input: parsed.data } as MutationCall) : null;
}

export function loadOutbox(key: string): OutboxEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(localStorage.getItem(key) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const entries: OutboxEntry[] = [];
  for (const item of raw as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const e = item as Partial<Record<keyof OutboxEntry, unknown>>;
    const call = parseCall(e.call);
    if (!call || typeof e.mutationId !== 'string') continue;
    entries.push({
      mutationId: e.mutationId,
      itemId: call.input.itemId,
      call,
      baseVersion: typeof e.baseVersion === 'number' ? e.baseVersion : null,
      queuedAt: typeof e.queuedAt === 'number' ? e.queuedAt : Date.now(),
    });
  }
  return entries;
}
