import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IngestBatch, type IngestResult } from '@okno/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runSimulation } from './simulate-run.js';
import { generatedSource } from './simulate-sources.js';

const KEY = 'test-ingest-key';

// A stand-in for the ingest endpoint: checks the key and the body, idempotent on externalId.
let server: Server;
let url: string;
const stored = new Map<string, number>();
let requests = 0;
let refuseNext = 0;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    requests++;
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/api/ingest') return reply(404, { code: 'not_found', message: 'нет' });
    if (req.headers['x-api-key'] !== KEY) return reply(401, { code: 'unauthenticated', message: 'ключ' });
    if (refuseNext > 0) {
      refuseNext--;
      return reply(429, { code: 'rate_limited', message: 'позже' }, { 'retry-after': '0.05' });
    }
    const batch = IngestBatch.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    if (!batch.success) return reply(400, { code: 'validation', message: batch.error.message });
    const result: IngestResult = {
      results: batch.data.items.map((item) => {
        const existing = stored.get(item.externalId);
        if (existing) return { externalId: item.externalId, id: existing, created: false };
        stored.set(item.externalId, stored.size + 1);
        return { externalId: item.externalId, id: stored.size, created: true };
      }),
    };
    reply(200, result);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await once(server, 'close');
});

beforeEach(() => {
  stored.clear();
  requests = 0;
  refuseNext = 0;
});

describe('runSimulation', () => {
  it('sends every item in batches and counts created items, then duplicates on a repeated seed', async () => {
    const first = await runSimulation(generatedSource(45, 'sim').items, { url, apiKey: KEY, rate: 2000, batchSize: 10 });
    expect(first).toMatchObject({ sent: 45, created: 45, duplicates: 0, errors: 0 });
    expect(requests).toBe(5);
    const again = await runSimulation(generatedSource(45, 'sim').items, { url, apiKey: KEY, rate: 2000, batchSize: 10 });
    expect(again).toMatchObject({ sent: 45, created: 0, duplicates: 45, errors: 0 });
  });

  it('keeps to the requested rate', async () => {
    const stats = await runSimulation(generatedSource(20, 'pace').items, { url, apiKey: KEY, rate: 50, batchSize: 5 });
    // Four batches at 50/s: the last leaves 300 ms after the first.
    expect(stats.elapsedMs).toBeGreaterThanOrEqual(290);
    expect(stats.created).toBe(20);
  });

  it('retries a batch refused with 429', async () => {
    refuseNext = 2;
    const stats = await runSimulation(generatedSource(10, 'retry').items, { url, apiKey: KEY, rate: 1000, batchSize: 10 });
    expect(stats).toMatchObject({ created: 10, errors: 0 });
    expect(requests).toBe(3);
  });

  it('reports refused items by error code', async () => {
    const stats = await runSimulation(generatedSource(12, 'key').items, { url, apiKey: 'wrong', rate: 1000, batchSize: 5 });
    expect(stats).toMatchObject({ sent: 12, created: 0, errors: 12, errorCodes: { unauthenticated: 12 } });
  });

  it('counts an unreachable server as network errors', async () => {
    const stats = await runSimulation(generatedSource(3, 'down').items, {
      url: 'http://127.0.0.1:9', apiKey: KEY, rate: 1000, batchSize: 3,
    });
    expect(stats).toMatchObject({ errors: 3, errorCodes: { network: 3 } });
  });
});
