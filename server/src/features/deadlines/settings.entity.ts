import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { CalendarYearBody, CentreSettingsBody, DeadlinePolicyBody } from '@okno/shared';
import { timestamps } from '../../db/base.js';

/** An editable deadline policy; `code` is the engine's policy id. */
export const DeadlinePolicyRow = defineEntity({
  name: 'DeadlinePolicyRow',
  tableName: 'deadline_policy',
  properties: {
    id: p.integer().primary(),
    code: p.string().length(100).unique(),
    body: p.json<DeadlinePolicyBody>(),
    ...timestamps,
    version: p.integer().version(),
  },
});
export type DeadlinePolicyRow = InferEntity<typeof DeadlinePolicyRow>;

/** One year of the production calendar. */
export const CalendarYearRow = defineEntity({
  name: 'CalendarYearRow',
  tableName: 'production_calendar',
  properties: {
    year: p.integer().primary(),
    body: p.json<CalendarYearBody>(),
    ...timestamps,
    version: p.integer().version(),
  },
});
export type CalendarYearRow = InferEntity<typeof CalendarYearRow>;

/** The centre's time zone and hours: a single row (id 1). */
export const CentreSettingsRow = defineEntity({
  name: 'CentreSettingsRow',
  tableName: 'centre_settings',
  properties: {
    id: p.integer().primary(),
    body: p.json<CentreSettingsBody>(),
    ...timestamps,
    version: p.integer().version(),
  },
});
export type CentreSettingsRow = InferEntity<typeof CentreSettingsRow>;

/** The append-only audit of settings changes; its highest id is the settings revision. */
export const SettingsRevision = defineEntity({
  name: 'SettingsRevision',
  tableName: 'settings_revision',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    at: p.datetime(),
    actorId: p.integer().nullable(),
    actorName: p.string().nullable(),
    target: p.string().$type<'policy' | 'calendar' | 'centre'>(),
    key: p.string().length(100),
    version: p.integer(),
    reason: p.string().length(1000),
    before: p.json<unknown>().nullable(),
    after: p.json<unknown>().nullable(),
  },
});
export type SettingsRevision = InferEntity<typeof SettingsRevision>;

export const DEADLINE_SETTINGS_ENTITIES = [DeadlinePolicyRow, CalendarYearRow, CentreSettingsRow, SettingsRevision];
