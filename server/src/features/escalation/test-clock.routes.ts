import { createRoute } from '@hono/zod-openapi';
import { ErrorBody, TestClockInput, TestClockResult } from '@okno/shared';
import type { TestClock } from '../../clock.js';
import { featureApp } from '../../http/context.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/**
 * POST /api/test/clock {now}: sets this node's clock and answers once the deadline scheduler
 * has ticked at the new time. Mounted only with OKNO_TEST_CLOCK=true, for end-to-end tests.
 */
export function testClockRoutes(clock: TestClock) {
  const app = featureApp();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/clock',
      operationId: 'setTestClock',
      tags: ['testing'],
      request: { body: { required: true, ...json(TestClockInput) } },
      responses: {
        200: { description: "The node's clock after the change (it runs on from there)", ...json(TestClockResult) },
        400: { description: 'Invalid instant', ...json(ErrorBody) },
      },
    }),
    async (c) => {
      await clock.set(new Date(c.req.valid('json').now));
      return c.json({ now: clock.now().toISOString() }, 200);
    },
  );
  return app;
}
