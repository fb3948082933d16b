import { SECTORS, type AdminRoutingRuleDto, type Sector } from '@okno/shared';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { useDirectory } from '../../directory/directory.store';
import { ruleDraftOf, sortedRules, type RuleDraft } from './directory-admin-model';
import { keptDraft, type DirectoryAdminCtx, type SaveResult } from './directory-admin-context';
import { directoryAdminApi } from './directory-admin.api';
import { RuleEditor } from './RuleEditor';

/** The routing rules (category × territory → body), filterable by sector; one row edits at a time. */
export function RulesSection(props: { ctx: DirectoryAdminCtx }) {
  const { t } = useI18n();
  const directory = useDirectory();
  const [sector, setSector] = createSignal<Sector | ''>('');
  const [editing, setEditing] = createSignal<number | 'new' | null>(null);
  const kept = keptDraft<RuleDraft>();
  const edit = (id: number | 'new' | null) => {
    kept.forget();
    setEditing(id);
  };
  const rules = createMemo(() => sortedRules(props.ctx.dto().rules, SECTORS).filter((r) => sector() === '' || r.sector === sector()));
  const departmentName = (id: number) => props.ctx.dto().departments.find((d) => d.id === id)?.name ?? `#${id}`;
  const columns = () => (props.ctx.editable() ? 5 : 4);

  // Only a save closes the form: a refusal leaves it open with the input and the server's words.
  const done = (result: SaveResult) => {
    if (result.ok) edit(null);
    return result;
  };
  const fields = (d: RuleDraft) => ({ sector: d.sector, categoryId: d.categoryId, territoryId: d.territoryId, departmentId: d.departmentId! });
  const create = async (d: RuleDraft) => done(await props.ctx.save(() => directoryAdminApi.createRule(fields(d))));
  const update = async (r: AdminRoutingRuleDto, d: RuleDraft) => done(await props.ctx.save(() => directoryAdminApi.updateRule(r.id, { ...fields(d), version: r.version })));
  const remove = (r: AdminRoutingRuleDto) => {
    if (window.confirm(t('directoryAdmin.rules.confirmDelete'))) void props.ctx.act(() => directoryAdminApi.deleteRule(r.id, r.version));
  };

  return (
    <section class="settings-section" data-testid="rules-section">
      <h2>{t('directoryAdmin.rules.title')}</h2>
      <p class="muted">{t('directoryAdmin.rules.hint')}</p>
      <div class="settings-form">
        <label>
          <span>{t('directoryAdmin.rules.filter')}</span>
          <select data-testid="rules-filter" value={sector()} onChange={(e) => setSector(e.currentTarget.value as Sector | '')}>
            <option value="">{t('common.all')}</option>
            <For each={SECTORS}>{(s) => <option value={s}>{t(`sector.${s}`)}</option>}</For>
          </select>
        </label>
        <span class="muted">{t('directoryAdmin.rules.count', rules().length, props.ctx.dto().rules.length)}</span>
        <Show when={props.ctx.editable() && editing() !== 'new'}>
          <button type="button" data-testid="rule-add" onClick={() => edit('new')}>
            {t('directoryAdmin.rules.add')}
          </button>
        </Show>
      </div>
      <Show when={editing() === 'new'}>
        <RuleEditor
          ctx={props.ctx}
          initial={{ sector: sector() || 'housing', categoryId: null, territoryId: null, departmentId: null }}
          onSubmit={create}
          onCancel={() => edit(null)}
        />
      </Show>
      <Show when={rules().length > 0} fallback={<p class="muted">{t('directoryAdmin.rules.empty')}</p>}>
        <table class="settings-table" data-testid="rules-table">
          <thead>
            <tr>
              <th>{t('directoryAdmin.rules.sector')}</th>
              <th>{t('directoryAdmin.rules.category')}</th>
              <th>{t('directoryAdmin.rules.territory')}</th>
              <th>{t('directoryAdmin.rules.department')}</th>
              <Show when={props.ctx.editable()}>
                <th />
              </Show>
            </tr>
          </thead>
          <For each={rules()}>
            {(r) => (
              <tbody>
                <tr data-testid="rule-row" data-rule-id={r.id}>
                  <td>{t(`sector.${r.sector}`)}</td>
                  <td>{r.categoryId != null ? directory.categoryName(r.categoryId) : <span class="muted">{t('directoryAdmin.rules.anyCategory')}</span>}</td>
                  <td>{r.territoryId != null ? directory.territoryName(r.territoryId) : <span class="muted">{t('directoryAdmin.rules.anyTerritory')}</span>}</td>
                  <td>{departmentName(r.departmentId)}</td>
                  <Show when={props.ctx.editable()}>
                    <td class="row-actions">
                      <button type="button" data-testid="rule-edit" onClick={() => edit(r.id)}>
                        {t('directoryAdmin.rules.edit')}
                      </button>
                      <button type="button" data-testid="rule-delete" onClick={() => remove(r)}>
                        {t('directoryAdmin.rules.delete')}
                      </button>
                    </td>
                  </Show>
                </tr>
                <Show when={editing() === r.id}>
                  <tr class="edit-row">
                    <td colSpan={columns()}>
                      <RuleEditor
                        ctx={props.ctx}
                        initial={kept.initial(r.id, ruleDraftOf(r))}
                        onSubmit={(d) => update(r, d)}
                        onCancel={() => edit(null)}
                        onDraft={kept.track(r.id, ruleDraftOf(r))}
                      />
                    </td>
                  </tr>
                </Show>
              </tbody>
            )}
          </For>
        </table>
      </Show>
    </section>
  );
}
