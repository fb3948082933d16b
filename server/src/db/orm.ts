import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, PostgreSqlDriver, type EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../log.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

export type Orm = MikroORM;
export type Em = EntityManager;

/** Opens the ORM over a Postgres URL (real, or the embedded PGlite socket) and migrates it. */
export async function openOrm(url: string, poolMax: number, log: Logger): Promise<Orm> {
  const orm = new MikroORM({
    driver: PostgreSqlDriver,
    clientUrl: url,
    entities: ENTITIES,
    pool: { min: 0, max: poolMax },
    extensions: [Migrator],
    migrations: { migrationsList: MIGRATIONS, transactional: true, snapshot: false, silent: true },
    allowGlobalContext: false,
    debug: false,
  });
  await orm.connect();
  const applied = await orm.migrator.up();
  if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  return orm;
}
