import { WallDto } from '@okno/shared';
import { request } from './http';

export const wallApi = {
  wall: (signal?: AbortSignal) => request('GET', '/api/wall', WallDto, { signal }),
};
