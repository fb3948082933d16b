import { AnswerTemplateList, AttachmentDto, DirectoryDto, ItemDetail, ItemSnapshot, type Sector } from '@okno/shared';
import { request, upload } from './http';

export const itemsApi = {
  snapshot: (signal?: AbortSignal) => request('GET', '/api/items', ItemSnapshot, { signal }),
  detail: (id: number, signal?: AbortSignal) => request('GET', `/api/items/${id}`, ItemDetail, { signal }),
  directory: () => request('GET', '/api/directory', DirectoryDto),
  /** Canned answers for the item's sector and category (and the general ones). */
  answerTemplates: (sector: Sector | null, categoryId: number | null) => {
    const query = new URLSearchParams();
    if (sector) query.set('sector', sector);
    if (sector && categoryId !== null) query.set('categoryId', String(categoryId));
    const qs = query.toString();
    return request('GET', `/api/answers/templates${qs ? `?${qs}` : ''}`, AnswerTemplateList);
  },
  /** Uploads a file for the item's answer; the draft lists it by id when saved. */
  uploadAttachment: (itemId: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload(`/api/answers/attachments?itemId=${itemId}`, form, AttachmentDto);
  },
  attachmentUrl: (id: number) => `/api/answers/attachments/${id}`,
};
