import { checkDeclineExtension, type ItemDto } from '@okno/shared';
import { createSignal, Match, Show, Switch } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { useMe } from '../../auth/auth.store';
import { useItems } from '../items.store';
import { isLead } from '../ladder';
import { DialogForm } from './DialogForm';
import { MIN_REASON } from './EscalateDialog';
import { ExtendDialog } from './ExtendDialog';
import { TextField } from './TextField';

/**
 * An executor's open request for more time; a lead grants it through the extension dialog or
 * declines it with a reason (the executor may then ask again).
 */
export function ExtensionRequestNote(props: { item: ItemDto }) {
  const { t, formatDateTime } = useI18n();
  const me = useMe();
  const items = useItems();
  const [dialog, setDialog] = createSignal<'grant' | 'decline' | null>(null);
  const maxDays = () => (isLead(me) ? (props.item.deadlines?.extensionAvailableDays ?? null) : null);
  const mayDecline = () => checkDeclineExtension(me, props.item) === null;
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
            <button type="button" data-testid="extension-grant" onClick={() => setDialog('grant')}>
              {t('workflow.extension.grant')}
            </button>{' '}
          </Show>
          <Show when={mayDecline()}>
            <button type="button" class="warn" data-testid="extension-decline" onClick={() => setDialog('decline')}>
              {t('workflow.extension.decline')}
            </button>
          </Show>
          <Switch>
            <Match when={dialog() === 'grant' && maxDays()}>
              {(max) => (
                <ExtendDialog
                  maxDays={max()}
                  initialDays={request().days}
                  initialReason={request().reason}
                  onCancel={() => setDialog(null)}
                  onSubmit={(days, reason) => {
                    setDialog(null);
                    items.actions.extend(props.item.id, days, reason);
                  }}
                />
              )}
            </Match>
            <Match when={dialog() === 'decline' && mayDecline()}>
              <DeclineDialog
                onCancel={() => setDialog(null)}
                onSubmit={(reason) => {
                  setDialog(null);
                  items.actions.declineExtension(props.item.id, reason);
                }}
              />
            </Match>
          </Switch>
        </div>
      )}
    </Show>
  );
}

/** Asks why the request is declined: the executor is told the reason and it lands in the timeline. */
function DeclineDialog(props: { onSubmit: (reason: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = createSignal('');
  const valid = () => reason().trim().length >= MIN_REASON;
  return (
    <DialogForm
      testid="extension-decline-dialog"
      title={t('workflow.extension.declineTitle')}
      submitLabel={t('workflow.extension.decline')}
      submitClass="warn"
      valid={valid()}
      onSubmit={() => valid() && props.onSubmit(reason().trim())}
      onCancel={() => props.onCancel()}
    >
      <p class="muted">{t('workflow.extension.declineHint')}</p>
      <TextField
        label={t('workflow.extension.declineReason')}
        testid="extension-decline-reason"
        value={reason()}
        onInput={setReason}
        minLength={MIN_REASON}
        maxLength={1000}
        tooShort={t('workflow.extension.declineReasonTooShort')}
        autofocus
      />
    </DialogForm>
  );
}
