import type { ItemDto } from '@okno/shared';
import { A, useLocation } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { useDirectory } from '../../directory/directory.store';
import { useItems } from '../items.store';
import './workflow.css';

/**
 * Where the item stands in the workflow: the responsible body and the one the rules suggest
 * (with why), then, once closed, the result, the main item or the duplicates, and the rating.
 */
export function WorkflowFields(props: { item: ItemDto }) {
  const { t, formatDateTime } = useI18n();
  const dir = useDirectory();
  const items = useItems();
  const location = useLocation();
  const suggestion = createMemo(() => dir.suggestRoute(props.item));
  const duplicates = createMemo(() => items.rows().filter((i) => i.mergedIntoId === props.item.id));
  const link = (id: number) => `/items/${id}${location.search}`;

  return (
    <dl class="fields workflow-fields">
      <dt>{t('workflow.routing.department')}</dt>
      <dd data-testid="item-department" data-department-id={props.item.departmentId ?? ''}>
        {dir.departmentName(props.item.departmentId) ?? <span class="muted">{t('workflow.routing.notRouted')}</span>}
        <Show when={props.item.status !== 'closed'}>
          <div class="route-suggestion" data-testid="route-suggestion" data-department-id={suggestion()?.departmentId ?? ''}>
            <Show when={suggestion()} fallback={<span class="muted">{t('workflow.routing.noSuggestion')}</span>}>
              {(s) => (
                <Show when={s().departmentId !== props.item.departmentId}>
                  {t('workflow.routing.suggested', dir.departmentName(s().departmentId) ?? '')}{' '}
                  <span class="muted">({t('workflow.routing.whyLabel', t(`workflow.routing.why.${s().match}`))})</span>
                </Show>
              )}
            </Show>
          </div>
        </Show>
      </dd>
      <Show when={props.item.closeResult}>
        {(result) => (
          <>
            <dt>{t('workflow.outcome.result')}</dt>
            <dd data-testid="item-close-result" data-result={result()}>
              {t(`workflow.closeResult.${result()}`)}
            </dd>
          </>
        )}
      </Show>
      <Show when={props.item.mergedIntoId}>
        {(main) => (
          <>
            <dt>{t('workflow.outcome.mergedInto')}</dt>
            <dd data-testid="item-merged-into">
              <A href={link(main())}>№{main()}</A>
            </dd>
          </>
        )}
      </Show>
      <Show when={duplicates().length > 0}>
        <dt>{t('workflow.outcome.duplicates')}</dt>
        <dd data-testid="item-duplicates" class="dup-list">
          <For each={duplicates()}>{(d) => <A href={link(d.id)}>№{d.id}</A>}</For>
        </dd>
      </Show>
      <Show when={props.item.rating}>
        {(rating) => (
          <>
            <dt>{t('workflow.rating.label')}</dt>
            <dd data-testid="item-rating" data-score={rating().score} title={formatDateTime(rating().at)}>
              <span class={rating().score <= 2 ? 'rating rating-low' : 'rating'} aria-hidden="true">
                {'★'.repeat(rating().score)}
                {'☆'.repeat(5 - rating().score)}
              </span>{' '}
              {t('workflow.rating.value', rating().score, t(`workflow.ratingSource.${rating().source}`))}
            </dd>
          </>
        )}
      </Show>
    </dl>
  );
}
