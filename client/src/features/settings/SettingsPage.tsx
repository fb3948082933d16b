import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { ApiError } from '../../api/http';
import { settingsApi } from '../../api/settings.api';
import { ListTable } from '../../app/ListTable';
import { useToasts } from '../../app/toasts';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../auth/auth.store';
import { canEditSettings, isValidReason, validationIssues } from './settings-model';
import { type Ctx } from './settings-context';
import { PoliciesTable } from './PoliciesTable';
import { CentreForm } from './CentreForm';
import { CalendarsEditor } from './CalendarsEditor';

import './settings.css';
/** Deadline policies, the centre's hours and production calendars; administrators edit, others read. */
export function SettingsPage() {
  const { t, formatDateTime } = useI18n();
  const me = useMe();
  const toasts = useToasts();
  const editable = () => canEditSettings(me.roles);
  const [settings, { mutate }] = createResource(() => settingsApi.settings());
  const [revisions, { refetch: refetchRevisions }] = createResource(() => settingsApi.revisions(100));
  const [reason, setReason] = createSignal('');

  const ctx: Ctx = {
    editable,
    reason,
    save: async (send) => {
      if (!isValidReason(reason())) return [t('settings.reasonMissing')];
      try {
        mutate(await send(reason().trim()));
        toasts.push('info', t('settings.saved'));
        void refetchRevisions();
        return [];
      } catch (err) {
        const issues = validationIssues(err);
        if (issues.length > 0) return issues;
        // A conflict (someone else saved first) or any other refusal: the server's own words.
        toasts.push('error', err instanceof ApiError && err.message ? err.message : t('settings.failed'));
        return [];
      }
    },
  };

  return (
    <section class="settings-page" data-testid="settings-page">
      <h1>{t('settings.title')}</h1>
      <p class="settings-note" data-testid="settings-note">
        {t('settings.note')}
      </p>
      <Show when={editable()} fallback={<p class="muted">{t('settings.readOnly')}</p>}>
        <label class="settings-reason">
          <span>{t('settings.reason')}</span>
          <input
            type="text"
            data-testid="settings-reason"
            value={reason()}
            maxLength={1000}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          <small class="muted">{t('settings.reasonHint')}</small>
        </label>
      </Show>
      <Switch>
        <Match when={settings.error}>
          <p role="alert">{t('settings.failed')}</p>
        </Match>
        <Match when={settings()} keyed={false}>
          {(s) => (
            <>
              <PoliciesTable settings={s} ctx={ctx} />
              <CentreForm settings={s} ctx={ctx} />
              <CalendarsEditor settings={s} ctx={ctx} />
            </>
          )}
        </Match>
        <Match when={settings.loading}>
          <p class="muted">{t('settings.loading')}</p>
        </Match>
      </Switch>
      <section class="settings-section">
        <h2>{t('settings.audit.title')}</h2>
        <ListTable
          class="settings-table"
          testid="settings-audit"
          headers={[t('settings.audit.at'), t('settings.audit.actor'), t('settings.audit.what'), t('settings.audit.reason')]}
          rows={revisions() ?? []}
          empty={t('settings.audit.empty')}
        >
          {(r) => (
            <tr data-testid="settings-revision">
              <td>{formatDateTime(r.at)}</td>
              <td>{r.actor?.name ?? t('settings.audit.system')}</td>
              <td>
                {t(`settings.audit.target.${r.target}`)} {r.key} (v{r.version})
              </td>
              <td>{r.reason}</td>
            </tr>
          )}
        </ListTable>
      </section>
    </section>
  );
}
