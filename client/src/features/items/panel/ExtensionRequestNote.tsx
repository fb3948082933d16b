import type { ItemDto } from '@okno/shared';
import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { useMe } from '../../auth/auth.store';
import { useItems } from '../items.store';
import { isLead } from '../ladder';
import { ExtendDialog } from './ExtendDialog';

/** An executor's open request for more time; a lead grants it through the extension dialog. */
export function ExtensionRequestNote(props: { item: ItemDto }) {
  const { t, formatDateTime } = useI18n();
  const me = useMe();
  const items = useItems();
  const [granting, setGranting] = createSignal(false);
  const maxDays = () => (isLead(me) ? (props.item.deadlines?.extensionAvailableDays ?? null) : null);
  return (
    <Show when={props.item.extensionRequest}>
      {(request) => (
        <div class="extension-request" data-testid="extension-request" data-days={request().days}>
          <div>
            <strong>{t('workflow.extension.open', request().by.name, request().days)}</strong>{' '}
            <span class="muted">{formatDateTime(request().at)}</span>
          </div>
          <div class="tl-detail">{t('event.reason', request().reason)}</div>
          <Show when={maxDays()}>
            {(max) => (
              <>
                <button type="button" data-testid="extension-grant" onClick={() => setGranting(true)}>
                  {t('workflow.extension.grant')}
                </button>
                <Show when={granting()}>
                  <ExtendDialog
                    maxDays={max()}
                    initialDays={request().days}
                    initialReason={request().reason}
                    onCancel={() => setGranting(false)}
                    onSubmit={(days, reason) => {
                      setGranting(false);
                      items.actions.extend(props.item.id, days, reason);
                    }}
                  />
                </Show>
              </>
            )}
          </Show>
        </div>
      )}
    </Show>
  );
}
