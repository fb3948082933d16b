/**
 * Okno's own generator of realistic demo items. Deterministic for a seeded Rng: the same seed,
 * count and `now` give the same items, so a repeated simulator run exercises ingest idempotency.
 */
import { pluralRu, type Channel, type IngestItem, type ItemKind, type Sector } from '@okno/shared';
import { CATEGORIES, TERRITORIES, miscCategoryCode, type SeedCategory } from './directory.js';
import { fakeAddress, fakePersonName } from './fake-people.js';
import type { Rng } from './rng.js';
import { CITY_FACTS } from './templates-city.js';
import { PEOPLE_FACTS } from './templates-people.js';
import { UTILITIES_FACTS } from './templates-utilities.js';
import { composeText, fillTemplate, titleFromText } from './text.js';

/** Problem statements per category code. */
export const FACTS: Readonly<Record<string, readonly string[]>> = {
  ...UTILITIES_FACTS,
  ...PEOPLE_FACTS,
  ...CITY_FACTS,
};

// Rough shares seen in control centres: housing dominates, then roads and waste.
const SECTOR_WEIGHTS: readonly (readonly [Sector, number])[] = [
  ['housing', 30], ['roads', 15], ['waste', 12], ['transport', 8], ['energy', 8],
  ['health', 8], ['education', 6], ['social', 6], ['other', 7],
];
const KIND_WEIGHTS: readonly (readonly [ItemKind, number])[] = [['incident', 40], ['message', 35], ['appeal', 25]];
const CHANNELS_OF: Record<ItemKind, readonly (readonly [Channel, number])[]> = {
  incident: [['vk', 55], ['ok', 20], ['telegram', 25]],
  message: [['pos', 1]],
  appeal: [['pos', 40], ['email', 20], ['call_centre', 25], ['regional_platform', 15]],
};
// The regional centre gets most items.
const TERRITORY_WEIGHTS = TERRITORIES.map((t) => [t.code, t.code.startsWith('kursk.') ? 6 : 2] as const);
// Relative activity by hour of day, Moscow time: citizens write in the day and evening.
const HOUR_WEIGHTS = [1, 1, 0.5, 0.5, 0.5, 1, 2, 4, 6, 8, 9, 9, 8, 8, 8, 8, 8, 8, 7, 7, 6, 5, 3, 2];
const MSK_OFFSET_MS = 3 * 3600_000;
const TELEGRAM_CHANNELS = ['okno_demo_kursk', 'okno_demo_gorod46', 'okno_demo_novosti'];

export interface GenerateOptions {
  /** Items are received within this many days before `now`; 0 puts them all at `now`. */
  spreadDays?: number;
}

const categoriesBySector = new Map<Sector, SeedCategory[]>();
for (const c of CATEGORIES) categoriesBySector.set(c.sector, [...(categoriesBySector.get(c.sector) ?? []), c]);

function receivedAt(rng: Rng, now: number, spreadDays: number): string {
  if (spreadDays <= 0) return new Date(now).toISOString();
  let at = now;
  // Rejection sampling keeps the spread uniform over days but shaped by hour; bounded tries.
  for (let tries = 0; tries < 20; tries++) {
    at = now - Math.floor(rng.next() * spreadDays * 86_400_000);
    const hour = new Date(at + MSK_OFFSET_MS).getUTCHours();
    if (rng.next() * 9 < (HOUR_WEIGHTS[hour] ?? 1)) break;
  }
  return new Date(at).toISOString();
}

function origin(rng: Rng, channel: Channel): { externalId: string; link: string | null } {
  switch (channel) {
    case 'vk': {
      const group = rng.int(10_000_000, 230_000_000);
      const post = rng.int(1_000, 900_000);
      return { externalId: `vk:-${group}_${post}`, link: `https://vk.com/wall-${group}_${post}` };
    }
    case 'ok': {
      const group = rng.int(50_000_000_000, 70_000_000_000);
      const topic = rng.int(150_000_000_000_000, 160_000_000_000_000);
      return { externalId: `ok:${group}/${topic}`, link: `https://ok.ru/group/${group}/topic/${topic}` };
    }
    case 'telegram': {
      const name = rng.pick(TELEGRAM_CHANNELS);
      const msg = rng.int(1_000, 999_999);
      return { externalId: `tg:${name}/${msg}`, link: `https://t.me/${name}/${msg}` };
    }
    case 'other_social':
      return { externalId: `social:${rng.int(1, 999_999_999)}`, link: null };
    case 'pos':
      return { externalId: `pos:${rng.int(1_000_000_000, 9_999_999_999)}`, link: null };
    case 'call_centre':
      return { externalId: `cc:${rng.int(100_000, 9_999_999)}`, link: null };
    case 'regional_platform':
      return { externalId: `rp:${rng.int(100_000, 9_999_999)}`, link: null };
    case 'email':
      return { externalId: `mail:${rng.int(10_000, 999_999)}`, link: null };
    default: {
      const unreachable: never = channel;
      throw new Error(`unknown channel ${String(unreachable)}`);
    }
  }
}

/**
 * Whether the source already knows the sector and category. ПОС and the regional platform have
 * their own taxonomy; social posts and phone calls often arrive for the operator to categorise.
 */
function knownCategory(rng: Rng, channel: Channel): { sector: boolean; category: boolean } {
  const share = channel === 'pos' || channel === 'regional_platform' ? 1 : channel === 'email' ? 0.7 : 0.6;
  const sector = rng.chance(share + 0.15);
  return { sector, category: sector && rng.chance(share / (share + 0.15)) };
}

function generateOne(rng: Rng, now: number, spreadDays: number): IngestItem {
  const kind = rng.weighted(KIND_WEIGHTS);
  const channel = rng.weighted(CHANNELS_OF[kind]);
  const sector = rng.weighted(SECTOR_WEIGHTS);
  const category = rng.pick(categoriesBySector.get(sector) ?? []);
  const territoryCode = rng.weighted(TERRITORY_WEIGHTS);
  const address = fakeAddress(rng, territoryCode);
  const days = rng.int(2, 14);
  const hours = rng.int(3, 20);
  const vars = {
    address: `по адресу ${address.house}`,
    Address: `По адресу ${address.house}`,
    street: address.street,
    days: `${days} ${pluralRu(days, 'день', 'дня', 'дней')}`,
    hours: `${hours} ${pluralRu(hours, 'час', 'часа', 'часов')}`,
    n: String(rng.int(1, 60)),
    time: `${rng.int(6, 9)}:${rng.pick(['00', '15', '20', '40', '45'])}`,
    temp: `+${rng.int(12, 17)}`,
  };
  const fact = fillTemplate(rng.pick(FACTS[category.code] ?? []), vars);
  const text = composeText(rng, kind, fact);
  const known = knownCategory(rng, channel);
  const { externalId, link } = origin(rng, channel);
  const social = kind === 'incident';
  const isMisc = category.code === miscCategoryCode(sector);
  return {
    externalId,
    kind,
    channel,
    // Sources with a taxonomy title an item by its topic; a post is titled by its first words.
    title: kind !== 'incident' && known.category && !isMisc ? category.name : titleFromText(fact),
    text,
    authorName: fakePersonName(rng, social ? 'social' : kind === 'message' ? 'initial' : 'full'),
    link,
    sector: known.sector ? sector : null,
    categoryCode: known.category ? category.code : null,
    territoryCode,
    // Social posts name a street more often than a full address.
    address: social && rng.chance(0.4) ? null : address.full,
    receivedAt: receivedAt(rng, now, spreadDays),
  };
}

/**
 * An endless stream of distinct demo items received over the last days before `now`, in
 * generation order. External ids are random, so the rare repeat is redrawn.
 */
export function* streamItems(rng: Rng, now: Date = new Date(), options: GenerateOptions = {}): Generator<IngestItem> {
  const spreadDays = options.spreadDays ?? 7;
  const seen = new Set<string>();
  for (;;) {
    const item = generateOne(rng, now.getTime(), spreadDays);
    if (seen.has(item.externalId)) continue;
    seen.add(item.externalId);
    yield item;
  }
}

/** `count` realistic demo items received over the last days before `now`, oldest first. */
export function generateItems(count: number, rng: Rng, now: Date = new Date(), options: GenerateOptions = {}): IngestItem[] {
  const items: IngestItem[] = [];
  for (const item of streamItems(rng, now, options)) {
    if (items.length >= count) break;
    items.push(item);
  }
  return items.sort((a, b) => (a.receivedAt ?? '').localeCompare(b.receivedAt ?? ''));
}
