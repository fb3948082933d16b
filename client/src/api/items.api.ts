import { DirectoryDto, ItemDetail, ItemSnapshot } from '@okno/shared';
import { request } from './http';

export const itemsApi = {
  snapshot: (signal?: AbortSignal) => request('GET', '/api/items', ItemSnapshot, { signal }),
  detail: (id: number, signal?: AbortSignal) => request('GET', `/api/items/${id}`, ItemDetail, { signal }),
  directory: () => request('GET', '/api/directory', DirectoryDto),
};
