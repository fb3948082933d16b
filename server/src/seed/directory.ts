/**
 * The demo directory: categories, territories, departments. Written for Okno in the spirit of
 * the ПОС topic tree (RULES.md: every sector has at least three categories plus «Прочие по
 * направлению», which analysts mine for hidden priorities). Codes are stable identifiers that
 * ingest and routing refer to; names may change freely.
 */
import type { DepartmentKind, Sector } from '@okno/shared';

export interface SeedCategory {
  code: string;
  sector: Sector;
  name: string;
}

/** Every sector's catch-all category; its code is `${sector}.misc`. */
export const MISC_CATEGORY_NAME = 'Прочие по направлению';

/** The code of a sector's «Прочие по направлению». */
export function miscCategoryCode(sector: Sector): string {
  return `${sector}.misc`;
}

const TREE: Record<Sector, readonly (readonly [string, string])[]> = {
  housing: [
    ['heating', 'Отопление'],
    ['water', 'Водоснабжение'],
    ['sewerage', 'Водоотведение и канализация'],
    ['management', 'Работа управляющей компании'],
    ['elevators', 'Лифты'],
    ['yards', 'Благоустройство дворов'],
    ['lighting', 'Наружное освещение'],
    ['capital_repair', 'Капитальный ремонт'],
  ],
  waste: [
    ['collection', 'Несвоевременный вывоз отходов'],
    ['container_sites', 'Контейнерные площадки'],
    ['dumps', 'Несанкционированные свалки'],
    ['bulky', 'Крупногабаритные отходы'],
    ['billing', 'Начисления за вывоз ТКО'],
  ],
  energy: [
    ['outage', 'Отключения электроэнергии'],
    ['voltage', 'Качество напряжения'],
    ['grid', 'Состояние электросетей и опор'],
    ['gas', 'Газоснабжение'],
    ['connection', 'Технологическое присоединение'],
  ],
  education: [
    ['kindergarten_queue', 'Очередь в детский сад'],
    ['school_condition', 'Состояние школ и детских садов'],
    ['staff', 'Работа педагогов и персонала'],
    ['meals', 'Питание в школах'],
    ['school_bus', 'Подвоз школьников'],
  ],
  health: [
    ['appointments', 'Запись на приём к врачу'],
    ['medicines', 'Лекарственное обеспечение'],
    ['care_quality', 'Качество медицинской помощи'],
    ['staffing', 'Нехватка медицинских кадров'],
    ['ambulance', 'Скорая помощь'],
  ],
  roads: [
    ['potholes', 'Ямы и разрушение покрытия'],
    ['snow', 'Уборка снега и наледи'],
    ['signs', 'Дорожные знаки и разметка'],
    ['traffic_lights', 'Светофоры'],
    ['crossings', 'Пешеходные переходы'],
    ['sidewalks', 'Тротуары'],
  ],
  transport: [
    ['schedule', 'Нарушение графика движения'],
    ['shortage', 'Нехватка транспорта на маршруте'],
    ['condition', 'Состояние транспорта'],
    ['drivers', 'Поведение водителей'],
    ['fares', 'Оплата проезда'],
    ['stops', 'Остановочные пункты'],
  ],
  social: [
    ['benefits', 'Пособия и компенсации'],
    ['support', 'Меры социальной поддержки'],
    ['disability', 'Инвалидность и средства реабилитации'],
    ['privileged_housing', 'Жильё для льготных категорий'],
    ['veterans', 'Звания и льготы ветеранов'],
  ],
  other: [
    ['animals', 'Безнадзорные животные'],
    ['trade', 'Несанкционированная торговля'],
    ['construction', 'Строительные площадки'],
    ['communications', 'Связь и интернет'],
    ['ecology', 'Экология и зелёные насаждения'],
    ['advertising', 'Незаконная реклама'],
  ],
};

/** The sector → category tree, sector by sector, each ending with «Прочие по направлению». */
export const CATEGORIES: readonly SeedCategory[] = (Object.keys(TREE) as Sector[]).flatMap((sector) => [
  ...TREE[sector].map(([code, name]) => ({ code: `${sector}.${code}`, sector, name })),
  { code: miscCategoryCode(sector), sector, name: MISC_CATEGORY_NAME },
]);

export interface SeedTerritory {
  code: string;
  municipality: string;
  district: string | null;
}

/** A demo region modelled on Kursk oblast: the regional centre's okrugs plus towns and districts. */
export const TERRITORIES: readonly SeedTerritory[] = [
  { code: 'kursk.central', municipality: 'город Курск', district: 'Центральный округ' },
  { code: 'kursk.railway', municipality: 'город Курск', district: 'Железнодорожный округ' },
  { code: 'kursk.seym', municipality: 'город Курск', district: 'Сеймский округ' },
  { code: 'zheleznogorsk', municipality: 'город Железногорск', district: null },
  { code: 'kurchatov', municipality: 'город Курчатов', district: null },
  { code: 'lgov', municipality: 'город Льгов', district: null },
  { code: 'shchigry', municipality: 'город Щигры', district: null },
  { code: 'kursky_district', municipality: 'Курский район', district: null },
  { code: 'oboyan_district', municipality: 'Обоянский район', district: null },
  { code: 'rylsk_district', municipality: 'Рыльский район', district: null },
  { code: 'fatezh_district', municipality: 'Фатежский район', district: null },
];

/** The regional centre's okrugs: city bodies cover these. */
export const CITY_TERRITORIES: readonly string[] = ['kursk.central', 'kursk.railway', 'kursk.seym'];

export type { DepartmentKind } from '@okno/shared';

export interface SeedDepartment {
  code: string;
  name: string;
  kind: DepartmentKind;
  sectors: Sector[];
  /** Territory codes it covers; empty means all. */
  territories: readonly string[];
}

const TOWN_SECTORS: Sector[] = ['housing', 'waste', 'roads', 'transport', 'education', 'other'];

/**
 * Bodies of every kind a centre routes to: the city's structural units and a municipal
 * institution, resource suppliers, a management company, regional bodies, and the
 * administrations of two towns and a rural district. Invented for the demo.
 */
export const DEPARTMENTS: readonly SeedDepartment[] = [
  // Structural units of the city administration.
  { code: 'housing_committee', name: 'Комитет ЖКХ города Курска', kind: 'admin_unit', sectors: ['housing'], territories: CITY_TERRITORIES },
  { code: 'roads_dept', name: 'Управление дорожного хозяйства города Курска', kind: 'admin_unit', sectors: ['roads'], territories: CITY_TERRITORIES },
  { code: 'transport_dept', name: 'Управление пассажирского транспорта города Курска', kind: 'admin_unit', sectors: ['transport'], territories: CITY_TERRITORIES },
  { code: 'education_dept', name: 'Управление образования города Курска', kind: 'admin_unit', sectors: ['education'], territories: CITY_TERRITORIES },
  { code: 'city_admin', name: 'Администрация города Курска', kind: 'admin_unit', sectors: ['housing', 'waste', 'roads', 'other'], territories: CITY_TERRITORIES },
  // Administrations of other municipalities, for their own territory.
  { code: 'zheleznogorsk_admin', name: 'Администрация города Железногорска', kind: 'admin_unit', sectors: TOWN_SECTORS, territories: ['zheleznogorsk'] },
  { code: 'lgov_admin', name: 'Администрация города Льгова', kind: 'admin_unit', sectors: TOWN_SECTORS, territories: ['lgov'] },
  { code: 'kursky_district_admin', name: 'Администрация Курского района', kind: 'admin_unit', sectors: TOWN_SECTORS, territories: ['kursky_district'] },
  // A municipal institution.
  { code: 'improvement_service', name: 'МКУ «Служба благоустройства города Курска»', kind: 'municipal_institution', sectors: ['housing', 'roads'], territories: CITY_TERRITORIES },
  // Resource suppliers (and the regional operator for solid waste).
  { code: 'water_utility', name: 'МУП «Водоканал города Курска»', kind: 'resource_supplier', sectors: ['housing'], territories: CITY_TERRITORIES },
  { code: 'grid_company', name: 'Региональная сетевая компания', kind: 'resource_supplier', sectors: ['energy'], territories: [] },
  { code: 'gas_company', name: 'Газораспределительная организация', kind: 'resource_supplier', sectors: ['energy'], territories: [] },
  { code: 'waste_operator', name: 'Региональный оператор по обращению с ТКО', kind: 'resource_supplier', sectors: ['waste'], territories: [] },
  // A management company serving one okrug.
  { code: 'uk_seym', name: 'ООО «УК „Сеймский квартал“»', kind: 'management_company', sectors: ['housing'], territories: ['kursk.seym'] },
  // Regional bodies, for the whole region.
  { code: 'housing_inspection', name: 'Государственная жилищная инспекция области', kind: 'regional_body', sectors: ['housing'], territories: [] },
  { code: 'regional_roads', name: 'Комитет транспорта и автомобильных дорог области', kind: 'regional_body', sectors: ['roads', 'transport'], territories: [] },
  { code: 'education_ministry', name: 'Министерство образования области', kind: 'regional_body', sectors: ['education'], territories: [] },
  { code: 'health_ministry', name: 'Министерство здравоохранения области', kind: 'regional_body', sectors: ['health'], territories: [] },
  { code: 'social_ministry', name: 'Министерство социального обеспечения области', kind: 'regional_body', sectors: ['social'], territories: [] },
  { code: 'ecology_ministry', name: 'Министерство природных ресурсов области', kind: 'regional_body', sectors: ['waste', 'other'], territories: [] },
];
