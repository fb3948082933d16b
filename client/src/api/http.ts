import { ErrorBody, type ErrorCode } from '@okno/shared';

/** Anything with zod's `parse`: keeps this module free of a direct zod dependency. */
export interface Parser<T> {
  parse(data: unknown): T;
}

/** A refused or failed request, carrying the server's error code and human message. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let onUnauthenticated: (() => void) | null = null;

/** Registers what to do when any request finds the session gone (the auth store logs out). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

async function errorFrom(res: Response): Promise<ApiError> {
  try {
    const body = ErrorBody.parse(await res.json());
    return new ApiError(body.code, body.message, res.status, body.details);
  } catch {
    // A proxy or a crashed node may answer with HTML; keep the status meaningful.
    const code: ErrorCode = res.status === 401 ? 'unauthenticated' : res.status >= 500 ? 'unavailable' : 'internal';
    return new ApiError(code, res.statusText, res.status);
  }
}

interface RequestOptions {
  body?: unknown;
  /** Auth calls handle 401 themselves; everything else treats it as an expired session. */
  expect401?: boolean;
  signal?: AbortSignal;
}

/** Sends a same-origin JSON request and parses the answer with the shared schema. */
export function request<T>(method: string, path: string, parser: Parser<T>, opts: RequestOptions = {}): Promise<T> {
  const init: RequestInit =
    opts.body === undefined
      ? { method, headers: { accept: 'application/json' } }
      : { method, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(opts.body) };
  return send(path, init, parser, opts);
}

/** Posts a multipart form (a file upload); the browser sets the boundary header itself. */
export function upload<T>(path: string, form: FormData, parser: Parser<T>, opts: Omit<RequestOptions, 'body'> = {}): Promise<T> {
  return send(path, { method: 'POST', headers: { accept: 'application/json' }, body: form }, parser, opts);
}

async function send<T>(path: string, init: RequestInit, parser: Parser<T>, opts: RequestOptions): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, credentials: 'same-origin', signal: opts.signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('unavailable', '', 0);
  }
  if (!res.ok) {
    const error = await errorFrom(res);
    if (error.code === 'unauthenticated' && !opts.expect401) onUnauthenticated?.();
    throw error;
  }
  if (res.status === 204) return parser.parse(undefined);
  return parser.parse(await res.json());
}

/** A parser for endpoints that answer 204 No Content. */
export const noContent: Parser<void> = { parse: () => undefined };
