import { ErrorBody } from '@okno/shared';

/** An OpenAPI JSON body or response of the given schema. */
export const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/** An OpenAPI error response: every error answers the shared ErrorBody. */
export const errorResponse = (description: string) => ({ description, ...json(ErrorBody) });
