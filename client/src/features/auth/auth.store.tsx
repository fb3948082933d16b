import type { MeDto } from '@okno/shared';
import { createContext, createSignal, onCleanup, useContext, type Accessor, type ParentProps } from 'solid-js';
import { authApi } from '../../api/auth.api';
import { ApiError, setUnauthenticatedHandler } from '../../api/http';
import { useToasts } from '../../app/toasts';
import { useI18n } from '../../i18n/i18n';

export interface Auth {
  /** undefined while the session is being restored; null when signed out. */
  me: Accessor<MeDto | null | undefined>;
  login: (login: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** The server no longer accepts the session (expired, revoked): back to the login page. */
  sessionLost: () => void;
}

const AuthContext = createContext<Auth>();

export function AuthProvider(props: ParentProps) {
  const [me, setMe] = createSignal<MeDto | null | undefined>(undefined);
  const toasts = useToasts();
  const { t } = useI18n();

  authApi.me().then(
    (user) => setMe(user),
    (err: unknown) => {
      // Only a definite "no session" signs out; a network failure still shows the login form.
      if (!(err instanceof ApiError) || err.code !== 'unauthenticated') console.warn('session restore failed', err);
      setMe(null);
    },
  );

  const sessionLost = () => {
    if (me()) toasts.push('error', t('common.sessionExpired'));
    setMe(null);
  };
  // eslint-disable-next-line solid/reactivity -- called from fetch failures, outside any tracked scope
  setUnauthenticatedHandler(() => sessionLost());
  onCleanup(() => setUnauthenticatedHandler(null));

  const auth: Auth = {
    me,
    sessionLost,
    login: async (login, password) => {
      setMe(await authApi.login({ login, password }));
    },
    logout: async () => {
      try {
        await authApi.logout();
      } finally {
        setMe(null);
      }
    },
  };
  return <AuthContext.Provider value={auth}>{props.children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for components rendered inside a session. */
export function useMe(): MeDto {
  const me = useAuth().me();
  if (!me) throw new Error('useMe outside a session');
  return me;
}
