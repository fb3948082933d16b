import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOkno } from './app.js';
import { loadConfig } from './config.js';
import { createLogger } from './log.js';

const config = loadConfig({
  OKNO_CLIENT_DIR: resolve(fileURLToPath(new URL('.', import.meta.url)), '../../client/dist'),
  ...process.env,
});
const log = createLogger(config.LOG_LEVEL, config.NODE_ID);

const okno = await createOkno(config, log);
log.info(
  { url: `http://localhost:${okno.port}`, mode: config.embedded ? 'embedded' : 'postgres', fanout: config.REDIS_URL ? 'redis' : 'in-process' },
  'Okno is ready',
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    okno.close().then(
      () => process.exit(0),
      (e: unknown) => {
        log.error({ err: e }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
