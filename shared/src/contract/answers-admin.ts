import { z } from 'zod';
import { SECTORS } from '../domain/enums.js';
import { Id, UserRef, Version } from './items.js';

/** A canned answer: per sector (null: for all) and optionally per category, with placeholders. */
export const AnswerTemplateDto = z.object({
  id: Id,
  sector: z.enum(SECTORS).nullable(),
  categoryId: Id.nullable(),
  title: z.string(),
  body: z.string(),
  updatedBy: UserRef.nullable(),
  updatedAt: z.string(),
  version: Version,
});
export type AnswerTemplateDto = z.infer<typeof AnswerTemplateDto>;

const templateFields = {
  sector: z.enum(SECTORS).nullable(),
  categoryId: Id.nullable(),
  title: z.string().trim().min(3).max(200),
  body: z.string().trim().min(10).max(20000),
};

/** POST /api/answers/templates */
export const CreateAnswerTemplateInput = z.object(templateFields);
export type CreateAnswerTemplateInput = z.infer<typeof CreateAnswerTemplateInput>;
/** PUT /api/answers/templates/:id — `version` is the one the editor saw. */
export const UpdateAnswerTemplateInput = z.object({ ...templateFields, version: Version });
export type UpdateAnswerTemplateInput = z.infer<typeof UpdateAnswerTemplateInput>;
/** DELETE /api/answers/templates/:id?version=N */
export const DeleteAnswerTemplateQuery = z.object({ version: z.coerce.number().int().nonnegative() });

/**
 * GET /api/answers/templates: with a sector, that sector's templates and the general ones;
 * with a category too, only those for that category or for the whole sector.
 */
export const AnswerTemplateQuery = z.object({
  sector: z.enum(SECTORS).optional(),
  categoryId: z.coerce.number().int().positive().optional(),
});
export type AnswerTemplateQuery = z.infer<typeof AnswerTemplateQuery>;
export const AnswerTemplateList = z.object({ templates: z.array(AnswerTemplateDto) });
export type AnswerTemplateList = z.infer<typeof AnswerTemplateList>;

/** One department's answer quality over a period ([001] 4.3: satisfaction, reopened, returned). */
export const DepartmentQualityDto = z.object({
  departmentId: Id,
  ratings: z.number().int().nonnegative(),
  averageScore: z.number().nullable(),
  /** Ratings of 1–2: each reopened an item. */
  lowRatings: z.number().int().nonnegative(),
  /** Answers returned for rework while the item was with the department. */
  returnedAnswers: z.number().int().nonnegative(),
});
export type DepartmentQualityDto = z.infer<typeof DepartmentQualityDto>;
export const DepartmentQualityQuery = z.object({
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
});
export const DepartmentQualityList = z.object({ departments: z.array(DepartmentQualityDto) });
export type DepartmentQualityList = z.infer<typeof DepartmentQualityList>;
