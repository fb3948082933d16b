import { DEPARTMENT_KINDS, SECTORS, type DepartmentKind } from '@okno/shared';
import { createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { inlineForm } from '../inline-form';
import { useDirectory } from '../../directory/directory.store';
import { toggled, type DepartmentDraft } from './directory-admin-model';
import { formIssuesOf, FormIssuesView, type FormIssues, type SaveResult } from './directory-admin-context';

/** The fields of a body; `code` only when creating (it is the body's stable identifier). */
export function DepartmentForm(props: {
  initial: DepartmentDraft;
  creating: boolean;
  onSubmit: (draft: DepartmentDraft) => Promise<SaveResult>;
  onCancel: () => void;
  /** The input as it changes, so that it outlives a reload of the table. */
  onDraft?: (draft: DepartmentDraft) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const keys = inlineForm(props);
  const directory = useDirectory();
  const [draft, setDraft] = createSignal<DepartmentDraft>(props.initial);
  const [issues, setIssues] = createSignal<FormIssues | null>(null);
  const [busy, setBusy] = createSignal(false);
  const patch = (p: Partial<DepartmentDraft>) => {
    const next = setDraft((d) => ({ ...d, ...p }));
    props.onDraft?.(next);
  };
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    // Checked here, nothing sent: labelled as the form's own check, not a refusal.
    if (draft().sectors.length === 0) {
      setIssues({ source: 'form', issues: [t('directoryAdmin.departments.sectorsMissing')] });
      return;
    }
    setBusy(true);
    setIssues(formIssuesOf(await props.onSubmit(draft())));
    setBusy(false);
  };
  return (
    <form class="settings-form" data-testid="department-form" ref={keys.ref} onKeyDown={(e) => keys.onKeyDown(e)} onSubmit={(e) => void submit(e)}>
      <Show when={props.creating}>
        <label>
          <span>{t('directoryAdmin.departments.code')}</span>
          <input required pattern="[a-z0-9_.\-]+" data-testid="department-code" placeholder={t('directoryAdmin.departments.codeHint')} value={draft().code} onInput={(e) => patch({ code: e.currentTarget.value })} />
        </label>
      </Show>
      <label>
        <span>{t('directoryAdmin.departments.name')}</span>
        <input required minLength={2} size={40} data-testid="department-name" value={draft().name} onInput={(e) => patch({ name: e.currentTarget.value })} />
      </label>
      <label>
        <span>{t('directoryAdmin.departments.kind')}</span>
        <select data-testid="department-kind" value={draft().kind} onChange={(e) => patch({ kind: e.currentTarget.value as DepartmentKind })}>
          <For each={DEPARTMENT_KINDS}>{(k) => <option value={k}>{t(`directoryAdmin.kind.${k}`)}</option>}</For>
        </select>
      </label>
      <fieldset class="checks" data-testid="department-sectors">
        <legend>{t('directoryAdmin.departments.sectors')}</legend>
        <For each={SECTORS}>
          {(s) => (
            <label>
              <input type="checkbox" value={s} checked={draft().sectors.includes(s)} onChange={(e) => patch({ sectors: toggled(draft().sectors, s, e.currentTarget.checked) })} />
              {t(`sector.${s}`)}
            </label>
          )}
        </For>
      </fieldset>
      <fieldset class="checks" data-testid="department-territories">
        <legend>{t('directoryAdmin.departments.territories')}</legend>
        <For each={directory.territories()}>
          {(ter) => (
            <label>
              <input
                type="checkbox"
                value={ter.id}
                checked={draft().territoryIds.includes(ter.id)}
                onChange={(e) => patch({ territoryIds: toggled(draft().territoryIds, ter.id, e.currentTarget.checked) })}
              />
              {directory.territoryName(ter.id)}
            </label>
          )}
        </For>
        <small class="muted">{t('directoryAdmin.departments.territoriesHint')}</small>
      </fieldset>
      <div class="form-actions">
        <button type="submit" disabled={busy()} data-testid="department-submit">
          {props.creating ? t('directoryAdmin.departments.create') : t('directoryAdmin.departments.save')}
        </button>
        <button type="button" onClick={() => props.onCancel()}>
          {t('directoryAdmin.departments.cancel')}
        </button>
      </div>
      <FormIssuesView issues={issues()} testid="department-issues" onReload={() => props.onReload()} />
    </form>
  );
}
