import { AUDIT_ENTITIES, type AuditEntity } from '@okno/shared';
import { createResource, createSignal, For } from 'solid-js';
import { ListTable } from '../../../app/ListTable';
import { directoryRu } from '../../../i18n/directory.ru';
import { useI18n } from '../../../i18n/i18n';
import { useDirectory } from '../../directory/directory.store';
import { auditDiff, auditSubject, type AuditLabels } from './directory-admin-model';
import { directoryAdminApi } from './directory-admin.api';

type AuditField = keyof typeof directoryRu.audit.field;

/** The append-only log of directory changes, newest first, optionally of one kind of entity. */
export function AuditSection(props: { onRefresher: (refresh: () => void) => void; departmentName: (id: number) => string }) {
  const { t, formatDateTime } = useI18n();
  const directory = useDirectory();
  const each = (value: unknown, one: (v: never) => string) => (Array.isArray(value) ? value : [value]).map((v) => one(v as never)).join(', ');
  // Field names people read, and names instead of the ids and codes the audit stores.
  const labels: AuditLabels = {
    field: (field) => (Object.hasOwn(directoryRu.audit.field, field) ? t(`directoryAdmin.audit.field.${field as AuditField}`) : field),
    value: (field, value) => {
      if (value === null) return emptyValue(field);
      switch (field) {
        case 'departmentId':
          return props.departmentName(Number(value));
        case 'categoryId':
          return directory.categoryName(Number(value)) ?? String(value);
        case 'territoryId':
        case 'territoryIds':
          return each(value, (id: number) => directory.territoryName(id) ?? String(id));
        case 'sector':
        case 'sectors':
          return each(value, (s: string) => t(`sector.${s}` as 'sector.housing'));
        case 'kind':
          return t(`directoryAdmin.kind.${String(value)}` as 'directoryAdmin.kind.admin_unit');
        case 'active':
          return value ? t('directoryAdmin.audit.yes') : t('directoryAdmin.audit.no');
        default:
          return Array.isArray(value) ? value.join(', ') : String(value);
      }
    },
  };
  // What "none" means for the field: a body with no territories covers them all, a rule without a category takes any.
  const emptyValue = (field: string) => {
    switch (field) {
      case 'territoryIds':
        return t('directoryAdmin.departments.allTerritories');
      case 'territoryId':
        return t('directoryAdmin.rules.anyTerritory');
      case 'categoryId':
        return t('directoryAdmin.rules.anyCategory');
      default:
        return '—';
    }
  };
  const [entity, setEntity] = createSignal<AuditEntity | null>(null);
  // The source is an object so that "all" (entity null) is fetched too.
  const [list, { refetch }] = createResource(() => ({ entity: entity() }), (s) => directoryAdminApi.audit(s.entity), { initialValue: { entries: [] } });
  // eslint-disable-next-line solid/reactivity -- hands the page a function that refreshes the list after a change
  props.onRefresher(() => void refetch());
  return (
    <section class="settings-section" data-testid="directory-audit">
      <h2>{t('directoryAdmin.audit.title')}</h2>
      <label class="settings-form">
        <span>{t('directoryAdmin.audit.filter')}</span>
        <select data-testid="audit-filter" value={entity() ?? ''} onChange={(e) => setEntity((e.currentTarget.value || null) as AuditEntity | null)}>
          <option value="">{t('directoryAdmin.audit.all')}</option>
          <For each={AUDIT_ENTITIES}>{(x) => <option value={x}>{t(`directoryAdmin.audit.entity.${x}`)}</option>}</For>
        </select>
      </label>
      <ListTable
        class="settings-table"
        headers={[t('directoryAdmin.audit.at'), t('directoryAdmin.audit.actor'), t('directoryAdmin.audit.what'), t('directoryAdmin.audit.change')]}
        rows={list().entries}
        empty={t('directoryAdmin.audit.empty')}
      >
        {(e) => (
          <tr data-testid="audit-entry" data-entity={e.entity} data-action={e.action}>
            <td>{formatDateTime(e.at)}</td>
            <td>{e.actor?.name ?? t('directoryAdmin.audit.system')}</td>
            <td>
              {t(`directoryAdmin.audit.entity.${e.entity}`)} {auditSubject(e)}: {t(`directoryAdmin.audit.action.${e.action}`)}
            </td>
            <td>
              <ul class="audit-diff">
                <For each={auditDiff(e, labels)}>{(line) => <li>{line}</li>}</For>
              </ul>
            </td>
          </tr>
        )}
      </ListTable>
    </section>
  );
}
