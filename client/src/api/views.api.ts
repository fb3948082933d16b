import { SavedViewDto, SavedViewList, type CreateViewInput, type UpdateViewInput } from '@okno/shared';
import { noContent, request } from './http';

/** Saved queue views: the person's own and everyone's shared ones. */
export const viewsApi = {
  list: () => request('GET', '/api/views', SavedViewList),
  create: (input: CreateViewInput) => request('POST', '/api/views', SavedViewDto, { body: input }),
  update: (id: number, input: UpdateViewInput) => request('PATCH', `/api/views/${id}`, SavedViewDto, { body: input }),
  remove: (id: number) => request('DELETE', `/api/views/${id}`, noContent),
};
