import { Navigate, useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { ApiError } from '../../api/http';
import { LOCALES, useI18n } from '../../i18n/i18n';
import { useAuth } from './auth.store';

/** Only same-app paths are followed after sign-in (no open redirect via ?next=). */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const auth = useAuth();
  const navigate = useNavigate();
  // Read from the address bar itself: after a redirect made during the first render, the
  // router's location can lag behind the URL's query (seen with @solidjs/router 1.0.0).
  const next = () => safeNext(new URLSearchParams(window.location.search).get('next') ?? undefined);
  const [login, setLogin] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    setBusy(true);
    setError(null);
    try {
      await auth.login(login().trim(), password());
      navigate(next(), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'rate_limited') setError(t('login.rateLimited'));
      else if (err instanceof ApiError && (err.code === 'unauthenticated' || err.code === 'validation')) setError(t('login.failed'));
      else if (err instanceof ApiError && err.code === 'unavailable') setError(t('common.networkError'));
      else setError(err instanceof ApiError && err.message ? err.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Show when={!auth.me()} fallback={<Navigate href={next()} />}>
      <div class="login-page">
        <form class="login" data-testid="login-form" onSubmit={(e) => void submit(e)}>
          <div class="login-head">
            <h1>{t('app.name')}</h1>
            <span class="muted">{t('app.subtitle')}</span>
          </div>
          <h2>{t('login.title')}</h2>
          <label class="field">
            <span>{t('login.login')}</span>
            <input
              name="login"
              autocomplete="username"
              required
              autofocus
              data-testid="login-input"
              value={login()}
              onInput={(e) => setLogin(e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span>{t('login.password')}</span>
            <input
              name="password"
              type="password"
              autocomplete="current-password"
              required
              data-testid="password-input"
              value={password()}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </label>
          <Show when={error()}>
            <p class="form-error" role="alert" data-testid="login-error">
              {error()}
            </p>
          </Show>
          <button type="submit" class="primary" data-testid="login-submit" disabled={busy()}>
            {busy() ? t('login.submitting') : t('login.submit')}
          </button>
          <p class="hint">{t('login.demoHint')}</p>
          <div class="lang">
            <For each={LOCALES}>
              {(l) => (
                <button type="button" classList={{ active: locale() === l }} onClick={() => setLocale(l)}>
                  {l.toUpperCase()}
                </button>
              )}
            </For>
          </div>
        </form>
      </div>
    </Show>
  );
}
