import { SECTORS, type Sector } from '@okno/shared';
import { createSignal, For } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { inlineForm } from '../inline-form';
import { useDirectory } from '../../directory/directory.store';
import { ruleTargets, type RuleDraft } from './directory-admin-model';
import { formIssuesOf, FormIssuesView, type DirectoryAdminCtx, type FormIssues, type SaveResult } from './directory-admin-context';

/** One rule's fields as a row of selects; bodies offered are those that may take the rule. */
export function RuleEditor(props: {
  ctx: DirectoryAdminCtx;
  initial: RuleDraft;
  onSubmit: (draft: RuleDraft) => Promise<SaveResult>;
  onCancel: () => void;
  /** The input as it changes, so that it outlives a reload of the table. */
  onDraft?: (draft: RuleDraft) => void;
}) {
  const { t } = useI18n();
  const keys = inlineForm(props);
  const directory = useDirectory();
  const [draft, setDraft] = createSignal<RuleDraft>(props.initial);
  const [issues, setIssues] = createSignal<FormIssues | null>(null);
  const [busy, setBusy] = createSignal(false);
  const patch = (p: Partial<RuleDraft>) => {
    const next = setDraft((d) => ({ ...d, ...p }));
    props.onDraft?.(next);
  };
  const targets = () => ruleTargets(props.ctx.dto().departments, draft().sector, draft().territoryId);
  const optionalId = (value: string) => (value === '' ? null : Number(value));
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setIssues(formIssuesOf(await props.onSubmit(draft())));
    setBusy(false);
  };
  return (
    <form class="settings-form" data-testid="rule-form" ref={keys.ref} onKeyDown={(e) => keys.onKeyDown(e)} onSubmit={(e) => void submit(e)}>
      <label>
        <span>{t('directoryAdmin.rules.sector')}</span>
        <select data-testid="rule-sector" value={draft().sector} onChange={(e) => patch({ sector: e.currentTarget.value as Sector, categoryId: null })}>
          <For each={SECTORS}>{(s) => <option value={s}>{t(`sector.${s}`)}</option>}</For>
        </select>
      </label>
      <label>
        <span>{t('directoryAdmin.rules.category')}</span>
        <select data-testid="rule-category" value={draft().categoryId ?? ''} onChange={(e) => patch({ categoryId: optionalId(e.currentTarget.value) })}>
          <option value="">{t('directoryAdmin.rules.anyCategory')}</option>
          <For each={directory.categoriesOf(draft().sector)}>{(c) => <option value={c.id}>{c.name}</option>}</For>
        </select>
      </label>
      <label>
        <span>{t('directoryAdmin.rules.territory')}</span>
        <select data-testid="rule-territory" value={draft().territoryId ?? ''} onChange={(e) => patch({ territoryId: optionalId(e.currentTarget.value) })}>
          <option value="">{t('directoryAdmin.rules.anyTerritory')}</option>
          <For each={directory.territories()}>{(ter) => <option value={ter.id}>{directory.territoryName(ter.id)}</option>}</For>
        </select>
      </label>
      <label>
        <span>{t('directoryAdmin.rules.department')}</span>
        <select required data-testid="rule-department" value={draft().departmentId ?? ''} onChange={(e) => patch({ departmentId: optionalId(e.currentTarget.value) })}>
          <option value="" disabled>
            —
          </option>
          <For each={targets()}>{(d) => <option value={d.id}>{d.name}</option>}</For>
        </select>
      </label>
      <div class="form-actions">
        <button type="submit" disabled={busy() || draft().departmentId == null} data-testid="rule-submit">
          {t('directoryAdmin.rules.save')}
        </button>
        <button type="button" onClick={() => props.onCancel()}>
          {t('directoryAdmin.rules.cancel')}
        </button>
      </div>
      <FormIssuesView issues={issues()} testid="rule-issues" onReload={() => props.ctx.reload()} />
    </form>
  );
}
