import { z } from 'zod';

/** The closed set of error codes every HTTP response and socket acknowledgement may carry. */
export const ERROR_CODES = [
  'validation',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'already_claimed',
  'invalid_transition',
  'rate_limited',
  'duplicate',
  'no_quorum',
  'vote_closed',
  'already_voted',
  'not_present',
  'not_voting_member',
  'too_large',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status for each error code. */
export const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  already_claimed: 409,
  invalid_transition: 409,
  duplicate: 409,
  no_quorum: 409,
  vote_closed: 409,
  already_voted: 409,
  not_present: 403,
  not_voting_member: 403,
  rate_limited: 429,
  too_large: 413,
  unavailable: 503,
  internal: 500,
};

export const ErrorBody = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
  requestId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The one shape of every socket acknowledgement. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** A domain failure with a code from the closed set; the server maps it to HTTP or an ack. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
  toBody(requestId?: string): ErrorBody {
    return { code: this.code, message: this.message, details: this.details, requestId };
  }
}
