import type { CommentDto, ItemEvent } from '@okno/shared';
import { createSignal, Match, onCleanup, Show, Switch } from 'solid-js';
import { ApiError } from '../../../api/http';
import { itemsApi } from '../../../api/items.api';
import { useI18n } from '../../../i18n/i18n';
import { useMe } from '../../auth/auth.store';
import { usePresence } from '../../presence/presence.store';
import { useConnection } from '../../realtime/connection';
import { useItems } from '../items.store';
import { AnswerSection } from './AnswerSection';
import { CommentBox } from './CommentBox';
import { EscalationHistory } from './EscalationHistory';
import { ExtensionRequestNote } from './ExtensionRequestNote';
import { ItemActionsBar } from './ItemActionsBar';
import { ItemFields } from './ItemFields';
import { mergeEvents } from './timeline';
import { Timeline } from './Timeline';
import { WorkflowFields } from './WorkflowFields';

type DetailState = 'loading' | 'ready' | 'missing' | 'failed';

/** The side panel of one item. Mounted per item id (keyed), so all state here is per item. */
export function ItemPanel(props: { itemId: number; onClose: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const items = useItems();
  const presence = usePresence();
  const connection = useConnection();
  // eslint-disable-next-line solid/reactivity -- mounted per item (keyed Show): the id never changes
  const id = props.itemId;
  const [events, setEvents] = createSignal<ItemEvent[]>([]);
  const [comments, setComments] = createSignal<CommentDto[]>([]);
  const [detail, setDetail] = createSignal<DetailState>('loading');

  // Subscribe before fetching: an event landing between the fetch and the answer is kept,
  // and the seq-keyed merge drops the copy the fetch also returns.
  const unsubscribe = items.onEvent((event) => {
    if (event.itemId === id) setEvents((list) => mergeEvents(list, [event]));
  });
  const abort = new AbortController();
  const fetchDetail = () =>
    itemsApi.detail(id, abort.signal).then(
      (d) => {
        items.adopt(d.item);
        setEvents((list) => mergeEvents(list, d.events));
        setComments(d.comments);
        setDetail('ready');
      },
      (err: unknown) => {
        if (abort.signal.aborted) return;
        const missing = err instanceof ApiError && (err.code === 'not_found' || err.code === 'forbidden');
        setDetail(missing ? 'missing' : 'failed');
      },
    );
  void fetchDetail();
  // Opened while the server was unreachable: fetch the history once it is back. (Events missed
  // while disconnected reach the timeline through the replica's catch-up.)
  // eslint-disable-next-line solid/reactivity -- a plain callback, run once per reconnect
  const stopConnected = connection.onConnected(() => {
    if (detail() === 'failed') void fetchDetail();
  });
  presence.view(id);
  onCleanup(() => {
    stopConnected();
    unsubscribe();
    abort.abort();
    presence.view(null);
  });

  const others = () => presence.viewersOf(id).filter((u) => u.id !== me.id);

  return (
    <aside class="panel" data-testid="item-panel" data-item-id={id} aria-label={`#${id}`}>
      <Switch>
        <Match when={items.item(id)}>
          {(item) => (
            <>
              <header class="panel-head">
                <div class="panel-title">
                  <span class="muted">#{item().id}</span>
                  <h2>{item().title || item().text.slice(0, 120)}</h2>
                </div>
                <button type="button" class="icon" onClick={() => props.onClose()} aria-label={t('item.close')} title={t('item.close')}>
                  ×
                </button>
              </header>
              <Show when={others().length > 0}>
                <p class="viewers-line" data-testid="item-viewers">
                  {t('item.viewers', others().map((u) => u.name).join(', '))}
                </p>
              </Show>
              <ItemActionsBar item={item()} />
              <div class="panel-scroll">
                <p class="item-text">{item().text}</p>
                <ItemFields item={item()} />
                <WorkflowFields item={item()} />
                <ExtensionRequestNote item={item()} />
                <AnswerSection item={item()} events={events()} />
                <EscalationHistory events={events()} />
                <Timeline itemId={id} events={events()} comments={comments()} loading={detail() === 'loading'} />
              </div>
              <CommentBox itemId={id} />
            </>
          )}
        </Match>
        <Match when={true}>
          <header class="panel-head">
            <span class="muted">#{id}</span>
            <button type="button" class="icon" onClick={() => props.onClose()} aria-label={t('item.close')}>
              ×
            </button>
          </header>
          <p class="panel-note">
            {/* Ready without the item: it left this user's scope (routed to another body). */}
            {detail() === 'missing' || detail() === 'ready'
              ? t('item.notFound')
              : detail() === 'failed'
                ? t('common.networkError')
                : t('item.loading')}
          </p>
        </Match>
      </Switch>
    </aside>
  );
}
