/** Helpers for the deadline and escalation suites (not a test file itself). */
import type { IngestItem, IngestResult } from '@okno/shared';
import pg from 'pg';
import { DEMO_INGEST_KEY } from '../../seed/seed.js';

/** A Moscow local time 'YYYY-MM-DDTHH:MM' as an instant. */
export const msk = (local: string): Date => new Date(`${local}:00+03:00`);

/** A clock the test moves by hand, shared by every node of the test. */
export class ManualClock {
  constructor(public at: Date) {}
  readonly now = (): Date => new Date(this.at.getTime());
}

let counter = 0;

/** Ingests items through the API with the demo source key; answers their ids in order. */
export async function ingestItems(url: string, items: Partial<IngestItem>[]): Promise<number[]> {
  const body = {
    items: items.map((i) => ({
      externalId: `dl-${process.pid}-${++counter}`,
      kind: 'incident',
      channel: 'vk',
      text: 'Не горит фонарь во дворе',
      ...i,
    })),
  };
  const res = await fetch(`${url}/api/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': DEMO_INGEST_KEY },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`ingest: ${res.status} ${await res.text()}`);
  return ((await res.json()) as IngestResult).results.map((r) => r.id);
}

/**
 * Closes every item so far (the demo seed) and moves it a month back, so a suite counts only the
 * items it makes: the seed is received relative to the node's clock, and would otherwise fall
 * into the wall's last-24-hours trend.
 */
export async function closeExistingItems(sql: pg.Client): Promise<void> {
  await sql.query(
    `update item set status = 'closed', received_at = received_at - interval '30 days',
       closed_at = coalesce(closed_at, updated_at) - interval '30 days'`,
  );
}

/** How many events of a type each item has in the log. */
export async function eventCounts(sql: pg.Client, ids: number[], type: string): Promise<Map<number, number>> {
  const { rows } = await sql.query<{ item_id: number; n: string }>(
    'select item_id, count(*) as n from event where item_id = any($1) and type = $2 group by item_id',
    [ids, type],
  );
  return new Map(ids.map((id) => [id, Number(rows.find((r) => r.item_id === id)?.n ?? 0)]));
}

export async function sqlClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}
