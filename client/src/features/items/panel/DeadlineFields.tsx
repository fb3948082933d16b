import type { ItemDto } from '@okno/shared';
import { Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { useConnection } from '../../realtime/connection';
import { DeadlineState } from '../DeadlineState';

/** The deadline rows of the item's fields: live state and time left, then the instants behind them. */
export function DeadlineFields(props: { item: ItemDto }) {
  const { t, formatDateTime } = useI18n();
  const clock = useConnection().clock;
  return (
    <Show when={props.item.deadlines}>
      {(d) => (
        <>
          <dt>{t('deadline.due')}</dt>
          <dd class="deadline-field" data-testid="item-due" data-due={d().dueAt}>
            <DeadlineState item={props.item} now={clock()} />
            <span class="muted">
              {t('deadline.dueAt', formatDateTime(d().dueAt))}
              <Show when={props.item.importance === 'high'}> · {t('deadline.highImportance')}</Show>
              <Show when={d().extendedDays > 0}> · {t('deadline.extended', d().extendedDays)}</Show>
            </span>
          </dd>
          <dt>{t('deadline.atRiskFrom')}</dt>
          <dd data-testid="item-at-risk-at">
            {formatDateTime(d().atRiskAt)} <span class="muted">({t(`deadline.clock.${d().clock}`)})</span>
          </dd>
          <Show when={d().registerDue}>
            {(at) => (
              <>
                <dt>{t('deadline.registerDue')}</dt>
                <dd>{formatDateTime(at())}</dd>
              </>
            )}
          </Show>
          <Show when={d().redirectDue}>
            {(at) => (
              <>
                <dt>{t('deadline.redirectDue')}</dt>
                <dd>{formatDateTime(at())}</dd>
              </>
            )}
          </Show>
          <Show when={d().interimAnsweredAt}>
            {(at) => (
              <>
                <dt>{t('deadline.interimAt')}</dt>
                <dd>{formatDateTime(at())}</dd>
              </>
            )}
          </Show>
          <Show when={d().finalDue}>
            {(at) => (
              <>
                <dt>{t('deadline.finalDue')}</dt>
                <dd>{formatDateTime(at())}</dd>
              </>
            )}
          </Show>
        </>
      )}
    </Show>
  );
}
