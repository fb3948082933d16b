import { canWorkQueue, isClaimable, nextEscalationLevel, type ItemDto } from '@okno/shared';
import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { useMe } from '../../auth/auth.store';
import { useItems } from '../items.store';
import { EscalateDialog } from './EscalateDialog';

/** Claim, release and escalate. The server has the last word; its refusals come back as toasts. */
export function ItemActionsBar(props: { item: ItemDto }) {
  const { t } = useI18n();
  const me = useMe();
  const items = useItems();
  const [escalating, setEscalating] = createSignal(false);
  const canWork = () => canWorkQueue(me.roles);
  const mine = () => props.item.assignee?.id === me.id;
  const nextLevel = () => nextEscalationLevel(props.item.escalationLevel);

  return (
    <Show when={canWork()} fallback={<div class="actions muted">{t('item.readOnly')}</div>}>
      <div class="actions">
        {/* Claim stays available when someone else holds the item: the server answers who. */}
        <Show when={!mine() && isClaimable(props.item.status)}>
          <button type="button" class="primary" data-testid="claim-button" onClick={() => items.actions.claim(props.item.id)}>
            {t('item.claim')}
          </button>
        </Show>
        <Show when={mine()}>
          <button type="button" data-testid="release-button" onClick={() => items.actions.release(props.item.id)}>
            {t('item.release')}
          </button>
        </Show>
        <Show when={props.item.status !== 'closed'}>
          <button
            type="button"
            class="warn"
            data-testid="escalate-button"
            disabled={nextLevel() === null}
            title={nextLevel() === null ? t('item.escalateTop') : undefined}
            onClick={() => setEscalating(true)}
          >
            {t('item.escalate')}
          </button>
        </Show>
      </div>
      <Show when={escalating() && nextLevel()}>
        {(to) => (
          <EscalateDialog
            to={to()}
            onCancel={() => setEscalating(false)}
            onSubmit={(reason) => {
              setEscalating(false);
              items.actions.escalate(props.item.id, reason);
            }}
          />
        )}
      </Show>
    </Show>
  );
}
