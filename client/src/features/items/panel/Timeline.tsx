import type { CommentDto, ItemEvent } from '@okno/shared';
import { createMemo, For, Match, Show, Switch } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { useMe } from '../../auth/auth.store';
import { useDirectory } from '../../directory/directory.store';
import { useConnection } from '../../realtime/connection';
import { useItems } from '../items.store';
import { buildTimeline, describeEvent, eventDetail } from './timeline';
import { MentionText } from '../../collab/MentionText';

interface Props {
  itemId: number;
  events: readonly ItemEvent[];
  comments: readonly CommentDto[];
  loading: boolean;
}

/** What happened to the item, live: logged events, comments and this user's unsent comments. */
export function Timeline(props: Props) {
  const { t, formatTime, formatDateTime } = useI18n();
  const me = useMe();
  const dir = useDirectory();
  const items = useItems();
  const connection = useConnection();
  const entries = createMemo(() =>
    buildTimeline(
      props.events,
      props.comments,
      items.outbox(),
      props.itemId,
      { id: me.id, name: me.name },
      connection.state() === 'connected',
    ),
  );

  return (
    <section class="timeline" aria-labelledby="timeline-title">
      <h3 id="timeline-title">{t('item.timeline')}</h3>
      <Show when={entries().length > 0} fallback={<p class="muted">{props.loading ? t('item.loading') : t('item.timelineEmpty')}</p>}>
        <ol data-testid="timeline">
          <For each={entries()}>
            {(entry) => (
              <li class={`tl tl-${entry.kind}`} data-testid="timeline-entry" data-kind={entry.kind === 'event' ? entry.event.data.type : entry.kind}>
                <div class="tl-meta">
                  <time dateTime={entry.at} title={formatDateTime(entry.at)}>
                    {formatTime(entry.at)}
                  </time>
                  <span class="tl-actor">{entry.actor?.name ?? t('event.system')}</span>
                </div>
                <Switch>
                  <Match when={entry.kind === 'event' && entry.event}>
                    {(event) => (
                      <div class="tl-body">
                        {describeEvent(event().data, t, dir)}
                        <Show when={eventDetail(event().data, t)}>{(detail) => <div class="tl-detail">{detail()}</div>}</Show>
                      </div>
                    )}
                  </Match>
                  <Match when={entry.kind === 'comment' && entry.comment}>
                    {(comment) => <div class="tl-body tl-comment"><MentionText text={comment().text} /></div>}
                  </Match>
                  <Match when={entry.kind === 'pending' && entry}>
                    {(pending) => (
                      <div class="tl-body tl-comment">
                        {pending().text} <span class="muted">({pending().sending ? t('item.sending') : t('item.pending')})</span>
                      </div>
                    )}
                  </Match>
                </Switch>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
