import type { Orm } from '../db/orm.js';
import { hashPassword } from '../features/auth/auth.service.js';
import { User } from '../features/auth/user.entity.js';
import { Category, Territory } from '../features/directory/directory.entity.js';
import type { EventPublisher } from '../features/events/mutation-runner.js';
import { hashApiKey, ingestBatch } from '../features/ingest/ingest.service.js';
import { Source } from '../features/ingest/source.entity.js';
import { seedSharedViews } from '../features/collab/views.seed.js';
import type { Logger } from '../log.js';
import { seedDepartmentsAndRules } from './seed-routing.js';
import { CATEGORIES, DEMO_PASSWORD, DEMO_USERS, TERRITORIES, createRng, generateItems } from './demo-data.js';

export const DEMO_INGEST_KEY = 'demo-ingest-key';

/** Seeds the demo centre into an empty database; a database with people in it is left alone. */
/** Seeds an empty database; items are received in the days before `now` (the node's clock). */
export async function seedDemo(
  orm: Orm,
  publisher: EventPublisher,
  log: Logger,
  now: Date = new Date(),
  itemCount = 300,
  ingestKey = DEMO_INGEST_KEY,
): Promise<boolean> {
  const em = orm.em.fork();
  if ((await em.count(User, {})) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const source = await em.transactional(async (tx) => {
    for (const c of CATEGORIES) tx.create(Category, { code: c.code, sector: c.sector, name: c.name });
    for (const t of TERRITORIES) tx.create(Territory, { code: t.code, municipality: t.municipality, district: t.district });
    await tx.flush();
    const departments = await seedDepartmentsAndRules(tx);
    for (const u of DEMO_USERS) {
      tx.create(User, {
        login: u.login,
        name: u.name,
        passwordHash,
        roles: [...u.roles],
        sectors: [...u.sectors],
        departmentId: u.departmentCode ? (departments.get(u.departmentCode)?.id ?? null) : null,
      });
    }
    return tx.create(Source, { code: 'demo', name: 'Демо-генератор', apiKeyHash: hashApiKey(ingestKey) });
  });
  await seedSharedViews(orm.em.fork());
  const items = generateItems(itemCount, createRng(20261123), now);
  for (let i = 0; i < items.length; i += 200) await ingestBatch(orm, publisher, source, items.slice(i, i + 200), now);
  log.info({ users: DEMO_USERS.length, items: items.length }, 'demo data seeded');
  return true;
}
