import type { ItemEvent } from '@okno/shared';
import { createMemo, For, Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { escalationSteps } from './escalation-history';

/** Who moved the item up or down the ladder, when, why, and whether the deadline did it. */
export function EscalationHistory(props: { events: readonly ItemEvent[] }) {
  const { t, formatDateTime } = useI18n();
  const steps = createMemo(() => escalationSteps(props.events));
  return (
    <section class="esc-history" aria-labelledby="esc-history-title">
      <h3 id="esc-history-title">{t('item.escalationHistory')}</h3>
      <Show when={steps().length > 0} fallback={<p class="muted">{t('item.escalationHistoryEmpty')}</p>}>
        <ol data-testid="escalation-history">
          <For each={steps()}>
            {(step) => (
              <li class={`esc-step esc-${step.direction}`} data-testid="escalation-step" data-direction={step.direction} data-auto={step.auto}>
                <div class="esc-line">
                  <span class="esc-arrow" aria-hidden="true">
                    {step.direction === 'up' ? '▲' : '▼'}
                  </span>
                  <b>
                    {step.direction === 'up'
                      ? t('item.escalationUp', t(`level.${step.from}`), t(`level.${step.to}`))
                      : t('item.escalationDown', t(`level.${step.from}`), t(`level.${step.to}`))}
                  </b>
                  <Show when={step.auto}>
                    <span class="tag esc-auto">{t('item.escalationAuto')}</span>
                  </Show>
                </div>
                <div class="muted esc-meta">
                  <time dateTime={step.at}>{formatDateTime(step.at)}</time> · {step.actor?.name ?? t('event.system')}
                </div>
                <div class="esc-reason">{step.reason}</div>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
