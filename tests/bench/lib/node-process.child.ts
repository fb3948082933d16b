/** Child side of startNodeProcess: one Okno node; reports its URL over IPC, closes on request. */
import { startNode, type NodeOptions } from '@okno/server/testing';

const databaseUrl = process.env.OKNO_BENCH_DB;
const options = JSON.parse(process.env.OKNO_BENCH_NODE ?? '{}') as NodeOptions;
if (!databaseUrl || !process.send) throw new Error('start me with startNodeProcess()');

try {
  const node = await startNode(databaseUrl, options);
  process.on('message', (m) => {
    if (m === 'close') void node.close().finally(() => process.exit(0));
  });
  process.on('disconnect', () => void node.close().finally(() => process.exit(0)));
  process.send({ url: node.url });
} catch (e) {
  process.send({ error: e instanceof Error ? e.message : String(e) });
  process.exit(1);
}
