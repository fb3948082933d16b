import type { ItemDto } from '@okno/shared';
import { Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n';
import { formatDuration, liveRisk, timeLeftMs } from './deadline';

/**
 * An item's live deadline state: on time / at risk / overdue, with the time left (or overdue)
 * on the server's clock. `now` is server time; the caller decides how often it ticks. Compact
 * (a coloured duration) for a queue cell, a state badge and a sentence in the item panel.
 */
export function DeadlineState(props: { item: ItemDto; now: number; compact?: boolean }) {
  const { t, formatDateTime } = useI18n();
  const risk = () => liveRisk(props.item, props.now);
  const left = () => timeLeftMs(props.item, props.now);
  const duration = () => formatDuration(left() ?? 0, t('deadline.units'));
  const sentence = () => ((left() ?? 0) < 0 ? t('deadline.overdueBy', duration()) : t('deadline.left', duration()));
  const short = () => ((left() ?? 0) < 0 ? t('deadline.overdueShort', duration()) : duration());
  return (
    <Show
      when={risk()}
      fallback={
        <span class="muted" data-testid="item-risk" data-risk="none">
          {props.compact ? t('common.none') : t('deadline.untracked')}
        </span>
      }
    >
      {(state) => (
        <span
          class="deadline"
          data-testid="item-risk"
          data-risk={state()}
          title={t('deadline.title', t(`item.risk.${state()}`), sentence(), formatDateTime(props.item.deadlines?.dueAt ?? ''))}
        >
          <Show
            when={!props.compact}
            fallback={
              <span class={`risk risk-${state()}`} data-testid="item-time-left" data-ms={left() ?? undefined}>
                {short()}
              </span>
            }
          >
            <span class={`risk risk-${state()}`}>{t(`item.risk.${state()}`)}</span>{' '}
            <span data-testid="item-time-left" data-ms={left() ?? undefined}>
              {sentence()}
            </span>
          </Show>
        </span>
      )}
    </Show>
  );
}
