/**
 * Maps a topic of the Kursk feedback-platform data set (`../shared/data/kursk/train.csv`) to one
 * of our category codes, and guesses the territory from the text. Small keyword tables, first
 * match wins; the order matters where topics share words (transport stops are "on roads").
 */
const TOPIC_RULES: readonly (readonly [RegExp, string | null])[] = [
  [/тестовая/, null],
  [/безнадзорн/, 'other.animals'],
  [/торгов|товара/, 'other.trade'],
  [/связи|интернет/, 'other.communications'],
  [/реклам/, 'other.advertising'],
  [/свалки/, 'waste.dumps'],
  [/вывоз твердых/, 'waste.collection'],
  [/запах|водных объектов|вырубка|порча земель|жидких бытовых|природопольз/, 'other.ecology'],
  [/строительство тротуара/, 'roads.sidewalks'],
  [/строительн|стройка|строительство/, 'other.construction'],
  [/остановки/, 'transport.stops'],
  [/график|поездов/, 'transport.schedule'],
  [/количество (транспорта|вагонов)/, 'transport.shortage'],
  [/состояние (транспорта|вагонов)|состояние вагонов/, 'transport.condition'],
  [/водител|посадки и высадки/, 'transport.drivers'],
  [/оплатой проезда|тарификация/, 'transport.fares'],
  [/управляющ|диспетчерск|текущий ремонт|мест общего пользования в многоквартирном|аварийное жилье/, 'housing.management'],
  [/капитальный ремонт/, 'housing.capital_repair'],
  [/лифт/, 'housing.elevators'],
  [/теплоснабжени/, 'housing.heating'],
  [/водоснабжени/, 'housing.water'],
  [/водоотведени|ливнев|люков/, 'housing.sewerage'],
  [/электросет|энергоснабжени/, 'energy.grid'],
  [/оплат.*(коммунальн|жкх)/, 'housing.misc'],
  [/освещени/, 'housing.lighting'],
  [/ямы|выбоин|дорожного покрытия/, 'roads.potholes'],
  [/снега и наледи дорог/, 'roads.snow'],
  [/знаки|разметка|неровности/, 'roads.signs'],
  [/светофор/, 'roads.traffic_lights'],
  [/пешеходные переходы|дорога в школу/, 'roads.crossings'],
  [/уборка улиц/, 'roads.sidewalks'],
  [/парковки/, 'roads.misc'],
  [/двор|детской|клумб|газон|парков|сорная|благоустройств|фасад|деревья|малые архитектурные|памятник/, 'housing.yards'],
  [/инвалидност/, 'social.disability'],
  [/пособий/, 'social.benefits'],
  [/льготных категорий/, 'social.privileged_housing'],
  [/ветеран/, 'social.veterans'],
  [/социальной поддержки|социальные льготы|беженцам|меры поддержки/, 'social.support'],
  [/прием|регистратур/, 'health.appointments'],
  [/лекарствен|детским питанием/, 'health.medicines'],
  [/медицинской помощи/, 'health.care_quality'],
  [/кадрами/, 'health.staffing'],
  [/здравоохранени|вакцин|covid|пцр|сертификат|самонаблюдени/, 'health.misc'],
  [/очереди на места в дошкольные/, 'education.kindergarten_queue'],
  [/учителей|воспитателей|преподавателей/, 'education.staff'],
  [/школ|дошкольн|обучение/, 'education.school_condition'],
];

const normalise = (s: string): string => s.toLowerCase().replaceAll('ё', 'е');

/** Our category code for a Kursk topic; culture, sport, labour and public services are «other». Null: a test topic. */
export function kurskCategory(topic: string): string | null {
  const t = normalise(topic);
  const hit = TOPIC_RULES.find(([re]) => re.test(t));
  return hit ? hit[1] : 'other.misc';
}

const TERRITORY_RULES: readonly (readonly [RegExp, string])[] = [
  [/железногорск/, 'zheleznogorsk'],
  [/курчатов/, 'kurchatov'],
  [/льгов/, 'lgov'],
  [/щигр/, 'shchigry'],
  [/курск(ий|ого|ом) район/, 'kursky_district'],
  [/обоян/, 'oboyan_district'],
  [/рыльск/, 'rylsk_district'],
  [/фатеж/, 'fatezh_district'],
  [/сеймск/, 'kursk.seym'],
  [/железнодорожн(ый|ого|ом) округ/, 'kursk.railway'],
];

/** Our territory code named in an appeal's text; the regional centre when none is (most appeals come from it). */
export function kurskTerritory(text: string): string {
  const t = normalise(text);
  return TERRITORY_RULES.find(([re]) => re.test(t))?.[1] ?? 'kursk.central';
}

/** Real Kursk bodies that have a counterpart in the demo directory (by our department code). */
const BODY_COUNTERPARTS: readonly (readonly [RegExp, string])[] = [
  [/^комитет жилищно-коммунального хозяйства города курска/, 'housing_committee'],
  [/^комитет дорожного хозяйства города курска/, 'roads_dept'],
  [/^департамент пассажирского транспорта города курска/, 'transport_dept'],
  [/^комитет образования города курска/, 'education_dept'],
  [/^администрация (города курска|(центрального|сеймского|железнодорожного) округа)|^комитет городского хозяйства города курска/, 'city_admin'],
  [/^администрация города железногорска/, 'zheleznogorsk_admin'],
  [/^администрация города льгов/, 'lgov_admin'],
  [/^администрация курского района/, 'kursky_district_admin'],
  [/городская инспекция по жилищно-коммунальному хозяйству/, 'improvement_service'],
  [/^государственная жилищная инспекция/, 'housing_inspection'],
  [/^комитет транспорта и автомобильных дорог курской области/, 'regional_roads'],
  [/^комитет образования и науки курской области/, 'education_ministry'],
  [/^комитет здравоохранения курской области/, 'health_ministry'],
  [/^комитет социального обеспечения/, 'social_ministry'],
  [/^комитет природных ресурсов курской области/, 'ecology_ministry'],
];

/** The demo body that stands for a real Kursk body, or null when the demo has no counterpart. */
export function kurskCounterpart(body: string): string | null {
  const b = normalise(body).trim();
  return BODY_COUNTERPARTS.find(([re]) => re.test(b))?.[1] ?? null;
}
