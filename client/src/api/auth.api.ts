import { MeDto, type LoginInput } from '@okno/shared';
import { noContent, request } from './http';

export const authApi = {
  login: (input: LoginInput) => request('POST', '/api/auth/login', MeDto, { body: input, expect401: true }),
  logout: () => request('POST', '/api/auth/logout', noContent, { expect401: true }),
  me: () => request('GET', '/api/auth/me', MeDto, { expect401: true }),
};
