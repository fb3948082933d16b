/**
 * Invented authors and addresses for generated items. Names are combined from common Russian
 * names, so any match with a real person is chance; addresses are ordinary street names.
 */
import type { Rng } from './rng.js';

const MALE_NAMES = ['Александр', 'Дмитрий', 'Сергей', 'Андрей', 'Алексей', 'Иван', 'Николай', 'Михаил',
  'Евгений', 'Владимир', 'Олег', 'Юрий', 'Виктор', 'Роман', 'Павел', 'Геннадий'];
const FEMALE_NAMES = ['Елена', 'Ольга', 'Наталья', 'Татьяна', 'Ирина', 'Светлана', 'Марина', 'Анна',
  'Юлия', 'Екатерина', 'Людмила', 'Галина', 'Валентина', 'Оксана', 'Мария', 'Нина'];
// Male forms ending in -ов/-ев/-ин: the female form adds «а».
const SURNAMES = ['Иванов', 'Петров', 'Сидоров', 'Козлов', 'Новиков', 'Морозов', 'Волков', 'Алексеев',
  'Семёнов', 'Степанов', 'Николаев', 'Андреев', 'Макаров', 'Зайцев', 'Соловьёв', 'Борисов', 'Яковлев',
  'Романов', 'Васильев', 'Фёдоров', 'Медведев', 'Ершов', 'Жуков', 'Тарасов', 'Комаров', 'Калинин',
  'Голубев', 'Гусев', 'Чернов', 'Ковалёв', 'Шапошников', 'Прохоров'];
// Patronymic stems: + «ич» for men, + «на» for women.
const PATRONYMIC_STEMS = ['Александров', 'Дмитриев', 'Сергеев', 'Андреев', 'Алексеев', 'Иванов',
  'Николаев', 'Михайлов', 'Владимиров', 'Викторов', 'Юрьев', 'Петров', 'Васильев', 'Анатольев'];

export type NameStyle = 'full' | 'social' | 'initial';

/** An invented person: «Фамилия Имя Отчество», «Имя Фамилия» (social networks) or «Фамилия Имя О.». */
export function fakePersonName(rng: Rng, style: NameStyle): string {
  const female = rng.chance(0.55);
  const first = rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
  const surname = rng.pick(SURNAMES) + (female ? 'а' : '');
  const patronymic = rng.pick(PATRONYMIC_STEMS) + (female ? 'на' : 'ич');
  switch (style) {
    case 'full':
      return `${surname} ${first} ${patronymic}`;
    case 'social':
      return `${first} ${surname}`;
    case 'initial':
      return `${surname} ${first} ${patronymic[0] ?? ''}.`;
    default: {
      const unreachable: never = style;
      throw new Error(`unknown name style ${String(unreachable)}`);
    }
  }
}

interface Locality {
  /** Prefix of the address, e.g. «г. Курск» or «Курский район, с. Клюква». */
  places: readonly string[];
  streets: readonly string[];
}

const KURSK_CITY = 'г. Курск';

/** Streets and settlements of each demo territory (codes from TERRITORIES). */
const LOCALITIES: Record<string, Locality> = {
  'kursk.central': { places: [KURSK_CITY], streets: ['ул. Ленина', 'ул. Радищева', 'ул. Дзержинского',
    'ул. Димитрова', 'ул. Челюскинцев', 'ул. Карла Маркса', 'ул. Садовая', 'ул. Перекальского'] },
  'kursk.railway': { places: [KURSK_CITY], streets: ['ул. Маяковского', 'ул. Ухтомского', 'ул. Прогонный проезд',
    'ул. Станционная', 'ул. Пучковка', 'ул. Краснополянская'] },
  'kursk.seym': { places: [KURSK_CITY], streets: ['ул. Энгельса', 'ул. Черняховского', 'ул. Кулакова',
    'ул. Сумская', 'ул. Обоянская', 'ул. Комарова'] },
  zheleznogorsk: { places: ['г. Железногорск'], streets: ['ул. Ленина', 'ул. Мира', 'ул. Димитрова',
    'ул. Курская', 'ул. Гагарина'] },
  kurchatov: { places: ['г. Курчатов'], streets: ['ул. Строителей', 'ул. Космонавтов', 'ул. Молодёжная',
    'пр-т Коммунистический'] },
  lgov: { places: ['г. Льгов'], streets: ['ул. Красная', 'ул. Примакова', 'ул. Гагарина', 'ул. Советская'] },
  shchigry: { places: ['г. Щигры'], streets: ['ул. Красная', 'ул. Октябрьская', 'ул. Лазарева'] },
  kursky_district: { places: ['Курский район, пос. Камыши', 'Курский район, с. Полевая'],
    streets: ['ул. Садовая', 'ул. Центральная', 'ул. Школьная', 'ул. Луговая'] },
  oboyan_district: { places: ['г. Обоянь', 'Обоянский район, с. Рыбинские Буды'],
    streets: ['ул. Ленина', 'ул. Фрунзе', 'ул. Полевая'] },
  rylsk_district: { places: ['г. Рыльск', 'Рыльский район, с. Ивановское'],
    streets: ['ул. Урицкого', 'ул. Луначарского', 'ул. Заречная'] },
  fatezh_district: { places: ['г. Фатеж', 'Фатежский район, с. Молотычи'],
    streets: ['ул. Урицкого', 'ул. Набережная', 'ул. Зелёная'] },
};

export interface FakeAddress {
  street: string;
  /** Street and house: «ул. Ленина, д. 12». */
  house: string;
  /** The full address with the place: «г. Курск, ул. Ленина, д. 12». */
  full: string;
}

/** A plausible address inside the territory. */
export function fakeAddress(rng: Rng, territoryCode: string): FakeAddress {
  const locality = LOCALITIES[territoryCode] ?? { places: [KURSK_CITY], streets: ['ул. Советская'] };
  const street = rng.pick(locality.streets);
  const building = rng.chance(0.15) ? `${rng.int(1, 120)}${rng.pick(['а', 'б', ' к. 2'])}` : String(rng.int(1, 140));
  const house = `${street}, д. ${building}`;
  return { street, house, full: `${rng.pick(locality.places)}, ${house}` };
}
