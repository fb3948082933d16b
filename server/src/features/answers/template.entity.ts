import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Sector } from '@okno/shared';
import { timestamps } from '../../db/base.js';

/** A canned answer with placeholders, per sector (null: every sector) and optionally per category. */
export const AnswerTemplate = defineEntity({
  name: 'AnswerTemplate',
  tableName: 'answer_template',
  properties: {
    id: p.integer().primary(),
    sector: p.string().$type<Sector>().nullable(),
    categoryId: p.integer().nullable(),
    title: p.string().length(200),
    body: p.text(),
    updatedBy: p.integer().nullable(),
    ...timestamps,
    version: p.integer().version(),
  },
});
export type AnswerTemplate = InferEntity<typeof AnswerTemplate>;

/** The append-only audit of canned answer changes. */
export const AnswerTemplateRevision = defineEntity({
  name: 'AnswerTemplateRevision',
  tableName: 'answer_template_revision',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    templateId: p.integer(),
    at: p.datetime(),
    actorId: p.integer().nullable(),
    actorName: p.string().nullable(),
    action: p.string().$type<'create' | 'update' | 'delete'>(),
    version: p.integer(),
    before: p.json<unknown>().nullable(),
    after: p.json<unknown>().nullable(),
  },
});
export type AnswerTemplateRevision = InferEntity<typeof AnswerTemplateRevision>;
