import type { AdminDepartmentDto } from '@okno/shared';
import { For, Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { executorCandidates } from './directory-admin-model';
import type { DirectoryAdminCtx } from './directory-admin-context';
import { directoryAdminApi } from './directory-admin.api';

/** A body's executors, with "remove" per person and a picker to assign another (administrators only). */
export function ExecutorsCell(props: { department: AdminDepartmentDto; ctx: DirectoryAdminCtx }) {
  const { t } = useI18n();
  const executor = (id: number) => props.ctx.dto().executors.find((e) => e.id === id);
  const departmentName = (id: number | null) => props.ctx.dto().departments.find((d) => d.id === id)?.name ?? '';
  const candidates = () => executorCandidates(props.ctx.dto(), props.department.id);
  const assign = (userId: number) => {
    const departmentId = props.department.id;
    void props.ctx.save(() => directoryAdminApi.assignExecutor(departmentId, userId));
  };
  const remove = (userId: number) => {
    const departmentId = props.department.id;
    void props.ctx.save(() => directoryAdminApi.unassignExecutor(departmentId, userId));
  };
  return (
    <div data-testid="department-executors">
      <Show when={props.department.executorIds.length > 0} fallback={<span class="muted">{t('directoryAdmin.executors.none')}</span>}>
        <ul class="chips">
          <For each={props.department.executorIds}>
            {(id) => (
              <li class="chip" data-testid="executor-chip">
                {executor(id)?.name ?? `#${id}`}
                <Show when={props.ctx.editable()}>
                  <button
                    type="button"
                    class="chip-remove"
                    title={t('directoryAdmin.executors.removeTitle', executor(id)?.name ?? '')}
                    aria-label={t('directoryAdmin.executors.removeTitle', executor(id)?.name ?? '')}
                    onClick={() => remove(id)}
                  >
                    ×
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.ctx.editable() && props.department.active}>
        <select
          class="executor-add"
          data-testid="executor-add"
          aria-label={t('directoryAdmin.executors.add')}
          value=""
          onChange={(e) => {
            const id = Number(e.currentTarget.value);
            e.currentTarget.value = '';
            if (id) assign(id);
          }}
        >
          <option value="">{candidates().length > 0 ? t('directoryAdmin.executors.add') : t('directoryAdmin.executors.noCandidates')}</option>
          <For each={candidates()}>
            {(e) => (
              <option value={e.id}>
                {e.name}
                {e.departmentId != null ? ` (${t('directoryAdmin.executors.elsewhere', departmentName(e.departmentId))})` : ''}
              </option>
            )}
          </For>
        </select>
      </Show>
    </div>
  );
}
