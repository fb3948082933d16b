import type { ItemDto } from '@okno/shared';
import { createMemo, createSignal, Match, Show, Switch } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { useMe } from '../../auth/auth.store';
import { useDirectory } from '../../directory/directory.store';
import { useItems } from '../items.store';
import { CloseDialog } from './CloseDialog';
import { usePanelCommand } from './panel-commands';
import { RatingDialog } from './RatingDialog';
import { RequestExtensionDialog } from './RequestExtensionDialog';
import { RouteDialog } from './RouteDialog';
import { canRate, canRequestExtension, canRoute, closeResultsFor, isReroute } from './workflow-access';

type Dialog = 'route' | 'close' | 'rate' | 'extension' | null;

/**
 * The workflow's buttons in the card's action row: route, ask for more time, close, rate.
 * Shortcuts open the route and close dialogs through panel-commands.
 */
export function WorkflowActions(props: { item: ItemDto }) {
  const { t } = useI18n();
  const me = useMe();
  const dir = useDirectory();
  const items = useItems();
  const [dialog, setDialog] = createSignal<Dialog>(null);
  const closeResults = createMemo(() => closeResultsFor(me, props.item));
  const suggestedId = () => dir.suggestRoute(props.item)?.departmentId ?? null;
  const done = () => setDialog(null);
  // eslint-disable-next-line solid/reactivity -- the card is mounted per item: the id never changes
  const itemId = props.item.id;
  usePanelCommand('route', itemId, () => canRoute(me, props.item) && setDialog('route'));
  usePanelCommand('close', itemId, () => closeResults().length > 0 && setDialog('close'));

  return (
    <>
      <Show when={canRoute(me, props.item)}>
        <button type="button" data-testid="route-button" onClick={() => setDialog('route')}>
          {isReroute(props.item) ? t('workflow.routing.reroute') : t('workflow.routing.route')}
        </button>
      </Show>
      <Show when={canRequestExtension(me, props.item)}>
        <button type="button" data-testid="extension-request-button" onClick={() => setDialog('extension')}>
          {t('workflow.extension.request')}
        </button>
      </Show>
      <Show when={closeResults().length > 0}>
        <button type="button" data-testid="close-button" onClick={() => setDialog('close')}>
          {t('workflow.close.button')}
        </button>
      </Show>
      <Show when={canRate(me, props.item)}>
        <button type="button" data-testid="rate-button" onClick={() => setDialog('rate')}>
          {t('workflow.rating.button')}
        </button>
      </Show>
      <Switch>
        <Match when={dialog() === 'route'}>
          <RouteDialog
            item={props.item}
            suggestedId={suggestedId()}
            onCancel={done}
            onSubmit={(departmentId, reason) => {
              done();
              items.actions.route(props.item.id, departmentId, reason);
            }}
          />
        </Match>
        <Match when={dialog() === 'extension' && props.item.deadlines?.extensionAvailableDays}>
          {(max) => (
            <RequestExtensionDialog
              maxDays={max()}
              onCancel={done}
              onSubmit={(days, reason) => {
                done();
                items.actions.requestExtension(props.item.id, days, reason);
              }}
            />
          )}
        </Match>
        <Match when={dialog() === 'close'}>
          <CloseDialog
            itemId={props.item.id}
            results={closeResults()}
            onCancel={done}
            onSubmit={(choice) => {
              done();
              items.actions.close(props.item.id, choice.result, { mainItemId: choice.mainItemId, note: choice.note });
            }}
          />
        </Match>
        <Match when={dialog() === 'rate'}>
          <RatingDialog
            onCancel={done}
            onSubmit={(score, comment) => {
              done();
              items.actions.rate(props.item.id, score, comment);
            }}
          />
        </Match>
      </Switch>
    </>
  );
}
