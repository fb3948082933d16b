import type { AdminDepartmentDto } from '@okno/shared';
import { createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { useDirectory } from '../../directory/directory.store';
import { DepartmentForm } from './DepartmentForm';
import { departmentChanges, draftOf, emptyDepartmentDraft, type DepartmentDraft } from './directory-admin-model';
import { keptDraft, type DirectoryAdminCtx, type SaveResult } from './directory-admin-context';
import { directoryAdminApi } from './directory-admin.api';
import { ExecutorsCell } from './ExecutorsCell';

/** The bodies table: name, kind, sectors, territories, executors, active; one row edits at a time. */
export function DepartmentsSection(props: { ctx: DirectoryAdminCtx }) {
  const { t } = useI18n();
  const [editing, setEditing] = createSignal<number | 'new' | null>(null);
  const kept = keptDraft<DepartmentDraft>();
  const edit = (id: number | 'new' | null) => {
    kept.forget();
    setEditing(id);
  };
  const columns = () => (props.ctx.editable() ? 7 : 6);

  // Only a save closes the form: a refusal leaves it open with the input and the server's words.
  const closedIfSaved = (result: SaveResult) => {
    if (result.ok) edit(null);
    return result;
  };
  const create = async (draft: DepartmentDraft) =>
    closedIfSaved(await props.ctx.save(() => directoryAdminApi.createDepartment({ ...draft, code: draft.code.trim(), name: draft.name.trim() })));
  const update = async (d: AdminDepartmentDto, draft: DepartmentDraft) => {
    const changes = departmentChanges(d, draft);
    return closedIfSaved(changes ? await props.ctx.save(() => directoryAdminApi.updateDepartment(d.id, { version: d.version, ...changes })) : { ok: true });
  };
  const setActive = (d: AdminDepartmentDto, active: boolean) => props.ctx.act(() => directoryAdminApi.updateDepartment(d.id, { version: d.version, active }));

  return (
    <section class="settings-section" data-testid="departments-section">
      <h2>{t('directoryAdmin.departments.title')}</h2>
      <Show when={props.ctx.editable()}>
        <Show
          when={editing() === 'new'}
          fallback={
            <button type="button" data-testid="department-add" onClick={() => edit('new')}>
              {t('directoryAdmin.departments.add')}
            </button>
          }
        >
          <DepartmentForm initial={emptyDepartmentDraft()} creating onSubmit={create} onCancel={() => edit(null)} onReload={() => props.ctx.reload()} />
        </Show>
      </Show>
      <Show when={props.ctx.dto().departments.length > 0} fallback={<p class="muted">{t('directoryAdmin.departments.empty')}</p>}>
        <table class="settings-table" data-testid="departments-table">
          <thead>
            <tr>
              <th>{t('directoryAdmin.departments.name')}</th>
              <th>{t('directoryAdmin.departments.kind')}</th>
              <th>{t('directoryAdmin.departments.sectors')}</th>
              <th>{t('directoryAdmin.departments.territories')}</th>
              <th>{t('directoryAdmin.departments.executors')}</th>
              <th>{t('directoryAdmin.departments.active')}</th>
              <Show when={props.ctx.editable()}>
                <th />
              </Show>
            </tr>
          </thead>
          <For each={props.ctx.dto().departments}>
            {(d) => (
              <tbody>
                <DepartmentRow department={d} ctx={props.ctx} onEdit={() => edit(d.id)} onActive={(on) => void setActive(d, on)} />
                <Show when={editing() === d.id}>
                  <tr class="edit-row">
                    <td colSpan={columns()}>
                      <DepartmentForm
                        initial={kept.initial(d.id, draftOf(d))}
                        creating={false}
                        onSubmit={(draft) => update(d, draft)}
                        onCancel={() => edit(null)}
                        onDraft={kept.track(d.id, draftOf(d))}
                        onReload={() => props.ctx.reload()}
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

function DepartmentRow(props: { department: AdminDepartmentDto; ctx: DirectoryAdminCtx; onEdit: () => void; onActive: (active: boolean) => void }) {
  const { t } = useI18n();
  const directory = useDirectory();
  const d = () => props.department;
  return (
    <tr data-testid="department-row" data-code={d().code} classList={{ 'row-inactive': !d().active }}>
      <td>
        <div>{d().name}</div>
        <code class="muted">{d().code}</code>
      </td>
      <td>{t(`directoryAdmin.kind.${d().kind}`)}</td>
      <td>
        <ul class="chips">
          <For each={d().sectors}>{(s) => <li class="chip">{t(`sector.${s}`)}</li>}</For>
        </ul>
      </td>
      <td>
        <Show when={d().territoryIds.length > 0} fallback={<span class="muted">{t('directoryAdmin.departments.allTerritories')}</span>}>
          <ul class="chips">
            <For each={d().territoryIds}>{(id) => <li class="chip">{directory.territoryName(id)}</li>}</For>
          </ul>
        </Show>
      </td>
      <td>
        <ExecutorsCell department={d()} ctx={props.ctx} />
      </td>
      <td data-testid="department-active">{d().active ? '✓' : t('directoryAdmin.departments.inactive')}</td>
      <Show when={props.ctx.editable()}>
        <td class="row-actions">
          <button type="button" data-testid="department-edit" onClick={() => props.onEdit()}>
            {t('directoryAdmin.departments.edit')}
          </button>
          <button type="button" data-testid="department-toggle" onClick={() => props.onActive(!d().active)}>
            {d().active ? t('directoryAdmin.departments.deactivate') : t('directoryAdmin.departments.activate')}
          </button>
        </td>
      </Show>
    </tr>
  );
}
