import { ERROR_CODES, ErrorBody, HTTP_STATUS_OF, type ItemSnapshot, type MutationResult } from '@okno/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Okno } from '../app.js';
import { api, createTestDatabase, login, mutationId, openSocket, startNode, type TestDatabase } from '../testing/harness.js';
import { createHttpApp } from './app.js';

let db: TestDatabase;
let node: Okno;
let op1: string;

beforeAll(async () => {
  db = await createTestDatabase();
  node = await startNode(db.url);
  op1 = await login(node.url, 'operator1');
});
afterAll(async () => {
  await node?.close();
  await db?.drop();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${node.url}${path}`, { headers });

async function metricsText(): Promise<string> {
  return (await get('/metrics')).text();
}

describe('health and metrics', () => {
  it('answers /healthz with 200', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 once started, 503 while not ready', async () => {
    const res = await get('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
    // The same routes over the node's real dependencies, before start-up has finished.
    const starting = await createHttpApp(node.deps, () => false).request('/readyz');
    expect(starting.status).toBe(503);
    expect(await starting.json()).toEqual({ status: 'starting' });
  });

  it('serves Prometheus text at /metrics with request durations and the socket gauge', async () => {
    await get('/healthz');
    const res = await get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('# TYPE okno_http_request_duration_seconds histogram');
    expect(text).toMatch(/^okno_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} [1-9]\d*$/m);
    expect(text).toMatch(/^okno_http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/healthz",status="200"\} \d+$/m);
    expect(text).toContain('# TYPE okno_sockets_connected gauge');
    expect(text).toContain('# TYPE okno_mutations_total counter');
    expect(text).toContain('process_cpu_seconds_total'); // default process metrics too
    // Every sample line is `name{labels} value`.
    for (const line of text.split('\n').filter((l) => l && !l.startsWith('#'))) {
      expect(line).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})? -?(\d+(\.\d+)?(e[+-]?\d+)?|NaN|\+Inf|-Inf)$/);
    }
  });

  it('counts connected sockets in okno_sockets_connected', async () => {
    const gauge = async () => Number(/^okno_sockets_connected (\d+)$/m.exec(await metricsText())?.[1]);
    const before = await gauge();
    const sockets = await Promise.all([openSocket(node.url, op1), openSocket(node.url, op1)]);
    expect(await gauge()).toBe(before + 2);
    for (const s of sockets) s.close();
    await expect.poll(gauge).toBe(before);
  });
});

type Json = Record<string, unknown>;
interface Operation {
  operationId?: string;
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Json }> }>;
  parameters?: { name: string; in: string; required?: boolean }[];
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

describe('OpenAPI document', () => {
  let doc: { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, Operation>> };
  let operations: { method: string; path: string; op: Operation }[];

  beforeAll(async () => {
    const res = await get('/api/openapi.json');
    expect(res.status).toBe(200);
    doc = (await res.json()) as typeof doc;
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => HTTP_METHODS.includes(method))
        .map(([method, op]) => ({ method, path, op })),
    );
  });

  it('is a structurally valid OpenAPI 3 document', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(typeof doc.info.title).toBe('string');
    expect(typeof doc.info.version).toBe('string');
    expect(operations.length).toBeGreaterThanOrEqual(14);
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(path).toMatch(/^\/api\//);
      for (const key of Object.keys(item)) expect([...HTTP_METHODS, 'parameters', 'summary', 'description']).toContain(key);
    }
    for (const { method, path, op } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      const responses = Object.entries(op.responses ?? {});
      expect(responses.length, where).toBeGreaterThan(0);
      for (const [status, response] of responses) {
        expect(status, where).toMatch(/^([1-5]\d\d|default)$/);
        expect(typeof response.description, `${where} ${status}`).toBe('string');
      }
      // Every {param} in the path template is declared as a required path parameter.
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
        const param = op.parameters?.find((p) => p.name === name && p.in === 'path');
        expect(param?.required, `${where} {${name}}`).toBe(true);
      }
    }
    // Every $ref points at something inside the document.
    const text = JSON.stringify(doc);
    for (const [, ref] of text.matchAll(/"\$ref":"#\/([^"]+)"/g)) {
      const target = ref!.split('/').reduce<unknown>((node, key) => (node as Json | undefined)?.[key], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it('gives every operation a unique operationId, including the documented ones', () => {
    const ids = operations.map(({ op, method, path }) => {
      expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
      return op.operationId!;
    });
    expect(new Set(ids).size).toBe(ids.length);
    const required = [
      'logIn', 'logOut', 'getMe', 'getDirectory', 'listItems', 'getItem', 'claimItem', 'releaseItem',
      'commentItem', 'categoriseItem', 'changeItemStatus', 'escalateItem', 'listEventsSince', 'ingestItems',
    ];
    for (const id of required) expect(ids).toContain(id);
  });

  it('describes every error response with the shared error body and its closed set of codes', () => {
    for (const { method, path, op } of operations) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (!/^[45]/.test(status)) continue;
        const schema = response.content?.['application/json']?.schema as
          | { properties?: { code?: { enum?: string[] }; message?: unknown }; required?: string[] }
          | undefined;
        const where = `${method.toUpperCase()} ${path} ${status}`;
        expect(schema?.properties?.code?.enum, where).toEqual([...ERROR_CODES]);
        expect(schema?.required, where).toEqual(expect.arrayContaining(['code', 'message']));
      }
    }
  });
});

describe('errors', () => {
  it('answers an unknown /api path (or method) with 404 JSON not_found', async () => {
    for (const [method, path] of [['GET', '/api/nothing-here'], ['POST', '/api/items/1/teleport'], ['GET', '/api/auth/login'], ['DELETE', '/api/items']]) {
      const res = await fetch(`${node.url}${path}`, { method: method!, headers: { authorization: `Bearer ${op1}` } });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await res.json()) as ErrorBody).code).toBe('not_found');
    }
  });

  it('answers every kind of failure with {code, message} from ERROR_CODES, its status and the request id', async () => {
    const [op2, executor] = await Promise.all([login(node.url, 'operator2'), login(node.url, 'executor_housing')]);
    const snap = await api<ItemSnapshot>(node.url, op1, '/api/items');
    const [free, other] = snap.body.items.filter((i) => i.status === 'new' && !i.assignee);
    const claimed = await api<MutationResult>(node.url, op1, `/api/items/${free!.id}/claim`, { mutationId: mutationId() });
    expect(claimed.status).toBe(200);
    const closed = await api<MutationResult>(node.url, op1, `/api/items/${other!.id}/close`, {
      mutationId: mutationId(), version: other!.version, result: 'spam',
    });
    expect(closed.status).toBe(200);

    const json = { 'content-type': 'application/json' };
    const asOp1 = { ...json, authorization: `Bearer ${op1}` };
    const cases: { name: string; code: string; path: string; init?: RequestInit }[] = [
      { name: 'not signed in', code: 'unauthenticated', path: '/api/items' },
      { name: 'unknown token', code: 'unauthenticated', path: '/api/auth/me', init: { headers: { authorization: 'Bearer nope' } } },
      { name: 'wrong password', code: 'unauthenticated', path: '/api/auth/login', init: { method: 'POST', headers: json, body: JSON.stringify({ login: 'operator1', password: 'x' }) } },
      { name: 'login without fields', code: 'validation', path: '/api/auth/login', init: { method: 'POST', headers: json, body: '{}' } },
      { name: 'malformed JSON', code: 'validation', path: '/api/auth/login', init: { method: 'POST', headers: json, body: '{"login":' } },
      { name: 'no JSON content type', code: 'validation', path: '/api/auth/login', init: { method: 'POST', body: '{"login":"a","password":"b"}' } },
      { name: 'malformed JSON to a mutation', code: 'validation', path: `/api/items/${free!.id}/comment`, init: { method: 'POST', headers: asOp1, body: '{' } },
      { name: 'non-numeric item id', code: 'validation', path: '/api/items/abc', init: { headers: asOp1 } },
      { name: 'events without since', code: 'validation', path: '/api/events', init: { headers: asOp1 } },
      { name: 'unknown path', code: 'not_found', path: '/api/unknown' },
      { name: 'missing item', code: 'not_found', path: '/api/items/999999', init: { headers: asOp1 } },
      { name: 'executor claims', code: 'forbidden', path: `/api/items/${free!.id}/claim`, init: { method: 'POST', headers: { ...json, authorization: `Bearer ${executor}` }, body: JSON.stringify({ mutationId: mutationId() }) } },
      { name: 'claimed by someone else', code: 'already_claimed', path: `/api/items/${free!.id}/claim`, init: { method: 'POST', headers: { ...json, authorization: `Bearer ${op2}` }, body: JSON.stringify({ mutationId: mutationId() }) } },
      { name: 'stale version', code: 'conflict', path: `/api/items/${free!.id}/escalate`, init: { method: 'POST', headers: asOp1, body: JSON.stringify({ mutationId: mutationId(), version: 0, reason: 'Повторная жалоба' }) } },
      { name: 'operator reopens a closed item', code: 'invalid_transition', path: `/api/items/${other!.id}/status`, init: { method: 'POST', headers: asOp1, body: JSON.stringify({ mutationId: mutationId(), version: closed.body.item.version, status: 'in_work' }) } },
      { name: 'ingest without a key', code: 'unauthenticated', path: '/api/ingest', init: { method: 'POST', headers: json, body: JSON.stringify({ items: [{ externalId: 'e', kind: 'incident', channel: 'vk', text: 't' }] }) } },
    ];
    for (const c of cases) {
      const res = await fetch(`${node.url}${c.path}`, c.init);
      const body = (await res.json()) as ErrorBody;
      expect(ErrorBody.safeParse(body).success, c.name).toBe(true);
      expect(ERROR_CODES, c.name).toContain(body.code);
      expect(body.code, c.name).toBe(c.code);
      expect(res.status, c.name).toBe(HTTP_STATUS_OF[body.code]);
      expect(body.message, c.name).toMatch(/[а-яё]/i); // people read it: Russian
      expect(res.headers.get('x-request-id'), c.name).toBeTruthy();
      expect(body.requestId, c.name).toBe(res.headers.get('x-request-id'));
    }
  });
});

describe('request ids', () => {
  it('puts an x-request-id on every response, unique per request', async () => {
    const paths = ['/healthz', '/readyz', '/metrics', '/api/openapi.json', '/api/items', '/api/nothing'];
    const ids = [];
    for (const path of paths) {
      const res = await get(path, { authorization: `Bearer ${op1}` });
      const id = res.headers.get('x-request-id');
      expect(id, path).toMatch(/^[\w=-]+$/);
      ids.push(id);
    }
    expect(new Set(ids).size).toBe(paths.length);
  });

  it('keeps a well-formed x-request-id sent by the caller (a proxy), so logs line up', async () => {
    const res = await get('/api/items', { 'x-request-id': 'lb-42-abc' });
    expect(res.status).toBe(401);
    expect(res.headers.get('x-request-id')).toBe('lb-42-abc');
    expect(((await res.json()) as ErrorBody).requestId).toBe('lb-42-abc');
  });
});
