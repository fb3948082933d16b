import { renderTemplate, templateContext, type ItemDto } from '@okno/shared';
import { createResource, For, Show } from 'solid-js';
import { itemsApi } from '../../../api/items.api';
import { useI18n } from '../../../i18n/i18n';
import { useMe } from '../../auth/auth.store';
import { useDirectory } from '../../directory/directory.store';

/**
 * Canned answers for the item's sector and category; choosing one hands its text, with the
 * placeholders filled from the item, to the editor. What the item cannot fill (no address, an
 * unknown placeholder) stays written as {{адрес}}: the editor warns and holds the answer back.
 */
export function TemplatePicker(props: { item: ItemDto; onInsert: (text: string) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const dir = useDirectory();
  const [templates] = createResource(
    () => ({ sector: props.item.sector, categoryId: props.item.categoryId }),
    ({ sector, categoryId }) => itemsApi.answerTemplates(sector, categoryId).then((list) => list.templates),
  );
  // Reading an errored resource throws; the picker only ever looks at a ready list.
  const list = () => (templates.state === 'ready' ? templates() : []);
  const insert = (select: HTMLSelectElement) => {
    const chosen = list().find((tpl) => String(tpl.id) === select.value);
    select.value = '';
    if (!chosen) return;
    const context = templateContext(props.item, { departmentName: dir.departmentName(props.item.departmentId), executorName: me.name });
    props.onInsert(renderTemplate(chosen.body, context).text);
  };
  return (
    <Show
      when={templates.state !== 'errored'}
      fallback={
        <span class="muted" role="status">
          {t('workflow.templates.failed')}
        </span>
      }
    >
      <select
        class="template-picker"
        aria-label={t('workflow.templates.label')}
        data-testid="template-picker"
        disabled={list().length === 0}
        title={templates.state === 'ready' && list().length === 0 ? t('workflow.templates.none') : undefined}
        onChange={(e) => insert(e.currentTarget)}
      >
        <option value="">{templates.state === 'ready' && list().length === 0 ? t('workflow.templates.none') : t('workflow.templates.choose')}</option>
        <For each={list()}>{(tpl) => <option value={String(tpl.id)}>{tpl.title}</option>}</For>
      </select>
    </Show>
  );
}
