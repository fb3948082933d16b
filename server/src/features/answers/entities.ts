import { AnswerAttachment, Attachment, ItemAnswer } from './answer.entity.js';
import { AnswerTemplate, AnswerTemplateRevision } from './template.entity.js';

/** The answers feature's entities (registered in db/entities.ts). */
export const ANSWER_ENTITIES = [ItemAnswer, Attachment, AnswerAttachment, AnswerTemplate, AnswerTemplateRevision] as const;
