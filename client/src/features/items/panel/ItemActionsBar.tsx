import { canWorkQueue, ESCALATION_LEVELS, isClaimable, nextEscalationLevel, type ItemDto } from '@okno/shared';
import { createSignal, Match, Show, Switch } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { useMe } from '../../auth/auth.store';
import { useItems } from '../items.store';
import { isLead, standsOnStep } from '../ladder';
import { EscalateDialog } from './EscalateDialog';
import { ExtendDialog } from './ExtendDialog';
import { InterimDialog } from './InterimDialog';
import { usePanelCommand } from './panel-commands';
import { WorkflowActions } from './WorkflowActions';
import { canGiveInterim, isItemExecutor } from './workflow-access';

type Dialog = 'escalate' | 'deescalate' | 'extend' | 'interim' | null;

const isOpen = (item: ItemDto) => item.status !== 'answered' && item.status !== 'closed';

/**
 * For a button that another takes the place of once it is pressed (claim and release): the
 * second click of a double-click lands on the button that just appeared and must not press it.
 * Only the first click of a series counts; a key press (detail 0) always does.
 */
const isFirstClick = (e: MouseEvent) => e.detail <= 1;

/**
 * Claim, release, escalate, send back down, extend, interim answer, then the workflow's own
 * (route, close, rate, ask for more time). Buttons appear only where the server would accept
 * the action; it still has the last word, and refusals come back as toasts.
 */
export function ItemActionsBar(props: { item: ItemDto }) {
  const { t } = useI18n();
  const me = useMe();
  const items = useItems();
  const [dialog, setDialog] = createSignal<Dialog>(null);
  const canWork = () => canWorkQueue(me.roles);
  const mine = () => props.item.assignee?.id === me.id;
  const nextLevel = () => nextEscalationLevel(props.item.escalationLevel);
  const lowerLevel = () => ESCALATION_LEVELS[ESCALATION_LEVELS.indexOf(props.item.escalationLevel) - 1] ?? null;
  // Only someone the escalation reached may send it back (a sector lead for their own sectors).
  const canDeescalate = () => lowerLevel() !== null && standsOnStep(me, props.item.escalationLevel, props.item.sector);
  const extensionDays = () => (isLead(me) && isOpen(props.item) ? (props.item.deadlines?.extensionAvailableDays ?? null) : null);
  const canInterim = () => canGiveInterim(me, props.item);
  const done = () => setDialog(null);
  // eslint-disable-next-line solid/reactivity -- the card is mounted per item: the id never changes
  usePanelCommand('escalate', props.item.id, () => {
    if (canWork() && props.item.status !== 'closed' && nextLevel() !== null) setDialog('escalate');
  });
  const readOnly = () => !canWork() && !isItemExecutor(me, props.item);

  return (
    <Show when={!readOnly()} fallback={<div class="actions muted">{t('item.readOnly')}</div>}>
      <div class="actions">
        <Show when={canWork()}>
          {/* Claim stays available when someone else holds the item: the server answers who. */}
          <Show when={!mine() && isClaimable(props.item.status)}>
            <button type="button" class="primary" data-testid="claim-button" onClick={(e) => isFirstClick(e) && items.actions.claim(props.item.id)}>
              {t('item.claim')}
            </button>
          </Show>
          <Show when={mine() && props.item.status !== 'closed'}>
            <button type="button" data-testid="release-button" onClick={(e) => isFirstClick(e) && items.actions.release(props.item.id)}>
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
              onClick={() => setDialog('escalate')}
            >
              {t('item.escalate')}
            </button>
          </Show>
          <Show when={canDeescalate()}>
            <button type="button" data-testid="deescalate-button" onClick={() => setDialog('deescalate')}>
              {t('item.deescalate')}
            </button>
          </Show>
          <Show when={extensionDays() !== null}>
            <button type="button" data-testid="extend-button" onClick={() => setDialog('extend')}>
              {t('item.extend')}
            </button>
          </Show>
        </Show>
        {/* The executor of the body the incident is routed to gives interim answers too. */}
        <Show when={canInterim()}>
          <button type="button" data-testid="interim-button" onClick={() => setDialog('interim')}>
            {t('item.interim')}
          </button>
        </Show>
        <WorkflowActions item={props.item} />
      </div>
      <Switch>
        <Match when={dialog() === 'escalate' && nextLevel()}>
          {(to) => (
            <EscalateDialog
              direction="up"
              to={to()}
              onCancel={done}
              onSubmit={(reason) => {
                done();
                items.actions.escalate(props.item.id, reason);
              }}
            />
          )}
        </Match>
        <Match when={dialog() === 'deescalate' && lowerLevel()}>
          {(to) => (
            <EscalateDialog
              direction="down"
              to={to()}
              onCancel={done}
              onSubmit={(reason) => {
                done();
                items.actions.deescalate(props.item.id, reason);
              }}
            />
          )}
        </Match>
        <Match when={dialog() === 'extend' && extensionDays()}>
          {(max) => (
            <ExtendDialog
              maxDays={max()}
              onCancel={done}
              onSubmit={(days, reason) => {
                done();
                items.actions.extend(props.item.id, days, reason);
              }}
            />
          )}
        </Match>
        <Match when={dialog() === 'interim'}>
          <InterimDialog
            onCancel={done}
            onSubmit={(text) => {
              done();
              items.actions.interim(props.item.id, text);
            }}
          />
        </Match>
      </Switch>
    </Show>
  );
}
