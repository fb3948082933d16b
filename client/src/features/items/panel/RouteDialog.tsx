import type { ItemDto } from '@okno/shared';
import { createEffect, createMemo, createSignal, createUniqueId, For, on, onMount, Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { useMe } from '../../auth/auth.store';
import { useDirectory } from '../../directory/directory.store';
import { DialogForm } from './DialogForm';
import { MIN_REASON } from './EscalateDialog';
import { routeOptions } from './route-options';
import { TextField } from './TextField';
import { isReroute, routeRefusal } from './workflow-access';

/**
 * Routes (or re-routes) the item to a body. A combobox: type to narrow the list, arrows move
 * the choice, Enter routes; the suggested body is chosen at first. A re-route needs a reason,
 * and only then is the field shown.
 */
export function RouteDialog(props: {
  item: ItemDto;
  suggestedId: number | null;
  onSubmit: (departmentId: number, reason?: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const dir = useDirectory();
  const me = useMe();
  const listId = createUniqueId();
  const [query, setQuery] = createSignal('');
  // eslint-disable-next-line solid/reactivity -- the dialog is mounted per request: the suggestion is fixed
  const [chosen, setChosen] = createSignal<number | null>(props.suggestedId);
  const [reason, setReason] = createSignal('');
  const options = createMemo(() => routeOptions(dir.departments(), query(), props.suggestedId));
  const rerouting = () => isReroute(props.item);
  let search: HTMLInputElement | undefined;
  onMount(() => search?.focus());

  // Narrowing the list keeps the choice when still listed, else takes the first match.
  createEffect(
    on(options, (list) => {
      if (!list.some((d) => d.id === chosen())) setChosen(list[0]?.id ?? null);
    }),
  );

  const move = (delta: number) => {
    const list = options();
    if (list.length === 0) return;
    const at = list.findIndex((d) => d.id === chosen());
    const next = Math.min(list.length - 1, Math.max(0, at + delta));
    setChosen(list[next]!.id);
    document.getElementById(`${listId}-${list[next]!.id}`)?.scrollIntoView({ block: 'nearest' });
  };
  const refusal = () => {
    const id = chosen();
    return id === null ? 'none' : routeRefusal(me, props.item, id, reason());
  };
  const same = () => refusal() === 'same_department';
  const valid = () => refusal() === null && (!rerouting() || reason().trim().length >= MIN_REASON);
  const submit = () => {
    const id = chosen();
    if (id === null || !valid()) return;
    props.onSubmit(id, rerouting() ? reason().trim() : undefined);
  };

  return (
    <DialogForm
      testid="route-dialog"
      title={t('workflow.routing.title')}
      submitLabel={rerouting() ? t('workflow.routing.reroute') : t('workflow.routing.route')}
      submitClass="primary"
      valid={valid()}
      onSubmit={submit}
      onCancel={() => props.onCancel()}
    >
      <label class="field">
        <span>{t('workflow.routing.search')}</span>
        <input
          ref={search}
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={chosen() === null ? undefined : `${listId}-${chosen()}`}
          placeholder={t('workflow.routing.searchPlaceholder')}
          data-testid="route-search"
          value={query()}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              move(e.key === 'ArrowDown' ? 1 : -1);
            }
          }}
        />
      </label>
      <ul class="route-options" id={listId} role="listbox" aria-label={t('workflow.routing.list')} data-testid="route-options">
        <For each={options()} fallback={<li class="muted">{t('workflow.routing.noMatches')}</li>}>
          {(d) => (
            <li
              id={`${listId}-${d.id}`}
              role="option"
              aria-selected={d.id === chosen()}
              classList={{ chosen: d.id === chosen() }}
              data-testid="route-option"
              data-department-id={d.id}
              onClick={() => setChosen(d.id)}
              onDblClick={() => {
                setChosen(d.id);
                submit();
              }}
            >
              <span>{d.name}</span>
              <span class="muted">
                {' '}
                {t(`workflow.routing.kind.${d.kind}`)}
                <Show when={d.id === props.suggestedId}> {t('workflow.routing.suggestedMark')}</Show>
                <Show when={d.id === props.item.departmentId}> {t('workflow.routing.currentMark')}</Show>
              </span>
            </li>
          )}
        </For>
      </ul>
      <p class="muted route-hint">{t('workflow.routing.hint')}</p>
      <Show when={same()}>
        <p class="form-error" role="alert">
          {t('workflow.routing.sameDepartment')}
        </p>
      </Show>
      <Show when={rerouting()}>
        <TextField
          label={t('workflow.routing.reason')}
          testid="route-reason"
          value={reason()}
          onInput={setReason}
          minLength={MIN_REASON}
          maxLength={1000}
          tooShort={t('item.reasonTooShort')}
          rows={2}
        />
      </Show>
    </DialogForm>
  );
}
