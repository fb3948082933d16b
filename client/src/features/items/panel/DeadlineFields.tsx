import type { ItemDto } from '@okno/shared';
import { Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { useConnection } from '../../realtime/connection';
import { DeadlineState } from '../DeadlineState';
import { deadlineOutcome, isDeadlineTracked } from './deadline-outcome';

/**
 * The deadline rows of the item's fields: live state and time left, then the instants behind
 * them. Once the item is answered or closed its due and at-risk instants no longer mean
 * anything; the card says how the answer met the deadline instead, when one was sent.
 */
export function DeadlineFields(props: { item: ItemDto }) {
  const { t, formatDateTime } = useI18n();
  const clock = useConnection().clock;
  const tracked = () => isDeadlineTracked(props.item);
  const outcome = () => deadlineOutcome(props.item);
  return (
    <Show when={props.item.deadlines}>
      {(d) => (
        <>
          <dt>{t('deadline.due')}</dt>
          <dd class="deadline-field" data-testid="item-due" data-tracked={String(tracked())} data-due={tracked() ? d().dueAt : undefined}>
            <DeadlineState item={props.item} now={clock()} />
            <Show when={tracked()}>
              <span class="muted">
                {t('deadline.dueAt', formatDateTime(d().dueAt))}
                <Show when={props.item.importance === 'high'}> · {t('deadline.highImportance')}</Show>
                <Show when={d().extendedDays > 0}> · {t('deadline.extended', d().extendedDays)}</Show>
              </span>
            </Show>
            <Show when={outcome()}>
              {(o) => (
                <span class="muted" data-testid="item-deadline-outcome" data-late={String(o().late)}>
                  {' · '}
                  {o().late ? t('deadline.answeredLate', formatDateTime(o().answeredAt)) : t('deadline.answeredOnTime', formatDateTime(o().answeredAt))}
                </span>
              )}
            </Show>
          </dd>
          <Show when={tracked()}>
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
          </Show>
          <Show when={d().interimAnsweredAt}>
            {(at) => (
              <>
                <dt>{t('deadline.interimAt')}</dt>
                <dd>{formatDateTime(at())}</dd>
              </>
            )}
          </Show>
          <Show when={tracked() && d().finalDue}>
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
