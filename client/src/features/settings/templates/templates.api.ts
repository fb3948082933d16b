import {
  AnswerTemplateDto,
  AnswerTemplateList,
  type AnswerTemplateQuery,
  type CreateAnswerTemplateInput,
  type UpdateAnswerTemplateInput,
} from '@okno/shared';
import { request } from '../../../api/http';

const Deleted = { parse: (data: unknown) => data as { deleted: true } };

/** Canned answers (/api/answers/templates): everyone who answers reads, leads edit. */
export const templatesApi = {
  list: (query: AnswerTemplateQuery = {}, signal?: AbortSignal) => {
    const params = new URLSearchParams();
    if (query.sector) params.set('sector', query.sector);
    if (query.categoryId) params.set('categoryId', String(query.categoryId));
    const qs = params.toString();
    return request('GET', `/api/answers/templates${qs ? `?${qs}` : ''}`, AnswerTemplateList, { signal }).then((l) => l.templates);
  },
  create: (body: CreateAnswerTemplateInput) => request('POST', '/api/answers/templates', AnswerTemplateDto, { body }),
  update: (id: number, body: UpdateAnswerTemplateInput) => request('PUT', `/api/answers/templates/${id}`, AnswerTemplateDto, { body }),
  remove: (id: number, version: number) => request('DELETE', `/api/answers/templates/${id}?version=${version}`, Deleted),
};
