import {
  DeadlineSettingsDto,
  SettingsRevisionDto,
  type SaveCalendarInput,
  type SaveCentreInput,
  type SavePolicyInput,
} from '@okno/shared';
import { request } from './http';

const Revisions = { parse: (data: unknown) => SettingsRevisionDto.array().parse(data) };

/** Deadline policies, production calendars and the centre's hours (read by all, changed by admins). */
export const settingsApi = {
  settings: (signal?: AbortSignal) => request('GET', '/api/deadlines/settings', DeadlineSettingsDto, { signal }),
  revisions: (limit = 100, signal?: AbortSignal) => request('GET', `/api/deadlines/revisions?limit=${limit}`, Revisions, { signal }),
  savePolicy: (code: string, body: SavePolicyInput) =>
    request('PUT', `/api/deadlines/policies/${encodeURIComponent(code)}`, DeadlineSettingsDto, { body }),
  saveCalendar: (year: number, body: SaveCalendarInput) => request('PUT', `/api/deadlines/calendars/${year}`, DeadlineSettingsDto, { body }),
  saveCentre: (body: SaveCentreInput) => request('PUT', '/api/deadlines/centre', DeadlineSettingsDto, { body }),
};
