import { canEditDirectory, canReadDirectoryAdmin, type DirectoryAdminDto } from '@okno/shared';
import { createEffect, createResource, createSignal, Match, on, Show, Switch } from 'solid-js';
import { ApiError } from '../../../api/http';
import { useToasts } from '../../../app/toasts';
import { useI18n } from '../../../i18n/i18n';
import { useMe } from '../../auth/auth.store';
import { useDirectory } from '../../directory/directory.store';
import { validationIssues } from '../settings-model';
import { AuditSection } from './AuditSection';
import { DepartmentsSection } from './DepartmentsSection';
import type { DirectoryAdminCtx, SaveResult } from './directory-admin-context';
import { directoryAdminApi } from './directory-admin.api';
import { RulesSection } from './RulesSection';

import '../settings.css';
import './directory-admin.css';

/** Bodies, their executors, routing rules and the audit: administrators edit, heads and sector leads read. */
export function DirectoryAdminPage() {
  const { t } = useI18n();
  const me = useMe();
  const toasts = useToasts();
  const readable = () => canReadDirectoryAdmin(me.roles);
  const [dto, { mutate, refetch }] = createResource(readable, () => directoryAdminApi.load());
  let refreshAudit: () => void = () => undefined;

  // Another administrator's change: offer a reload rather than replace the tables under an open form.
  const directory = useDirectory();
  const [changedBy, setChangedBy] = createSignal<string | null>(null);
  createEffect(
    on(directory.lastChange, (change) => {
      if (!change || change.byUserId === me.id) return;
      setChangedBy(directory.users().find((u) => u.id === change.byUserId)?.name ?? `#${change.byUserId}`);
    }),
  );
  const reload = () => {
    setChangedBy(null);
    void refetch();
    refreshAudit();
  };

  // A refusal in the server's words; a stale version (or a record gone meanwhile) needs a reload.
  const refusal = (err: unknown): Extract<SaveResult, { ok: false }> => {
    const issues = validationIssues(err);
    if (issues.length > 0) return { ok: false, issues, stale: false };
    if (!(err instanceof ApiError) || !err.message) return { ok: false, issues: [t('common.unknownError')], stale: false };
    return { ok: false, issues: [err.message], stale: err.code === 'conflict' || err.code === 'not_found' };
  };
  const save = async (send: () => Promise<DirectoryAdminDto>): Promise<SaveResult> => {
    try {
      mutate(await send());
      toasts.push('info', t('directoryAdmin.saved'));
      refreshAudit();
      return { ok: true };
    } catch (err) {
      return refusal(err);
    }
  };
  const ctx: DirectoryAdminCtx = {
    dto: () => dto()!,
    editable: () => canEditDirectory(me.roles),
    save,
    act: async (send) => {
      const result = await save(send);
      if (!result.ok) toasts.push('error', result.issues.join('; '));
    },
    reload,
  };

  return (
    <section class="settings-page directory-admin" data-testid="directory-admin-page">
      <h1>{t('directoryAdmin.title')}</h1>
      <p class="settings-note">{t('directoryAdmin.note')}</p>
      <Switch>
        <Match when={!readable()}>
          <p role="alert">{t('directoryAdmin.forbidden')}</p>
        </Match>
        <Match when={dto.error}>
          <p role="alert">{t('directoryAdmin.failed')}</p>
        </Match>
        <Match when={dto()}>
          <Show when={changedBy()}>
            {(who) => (
              <p class="settings-stale" role="status" data-testid="directory-changed-elsewhere">
                {t('directoryAdmin.changedElsewhere', who())}{' '}
                <button type="button" data-testid="directory-reload" onClick={reload}>
                  {t('directoryAdmin.reload')}
                </button>
              </p>
            )}
          </Show>
          <Show when={!ctx.editable()}>
            <p class="muted">{t('directoryAdmin.readOnly')}</p>
          </Show>
          <DepartmentsSection ctx={ctx} />
          <RulesSection ctx={ctx} />
          <AuditSection
            onRefresher={(refresh) => (refreshAudit = refresh)}
            departmentName={(id) => dto()?.departments.find((d) => d.id === id)?.name ?? `#${id}`}
          />
        </Match>
        <Match when={dto.loading}>
          <p class="muted">{t('directoryAdmin.loading')}</p>
        </Match>
      </Switch>
    </section>
  );
}
