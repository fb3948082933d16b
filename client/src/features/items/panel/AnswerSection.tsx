import type { ItemDto, ItemEvent } from '@okno/shared';
import { createMemo, Match, Show, Switch } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { useMe } from '../../auth/auth.store';
import { TypingIndicator } from '../../collab/typing';
import { AnswerAttachments } from './AnswerAttachments';
import { AnswerEditor } from './AnswerEditor';
import { ReviewBar } from './ReviewBar';
import { canEditAnswer, canReview } from './workflow-access';

/**
 * The answer to the citizen and where it stands in quality control: the department's executor
 * writes it here, a reviewer approves or returns it, everyone else reads it.
 */
export function AnswerSection(props: { item: ItemDto; events: readonly ItemEvent[] }) {
  const { t, formatDateTime } = useI18n();
  const me = useMe();
  const answer = () => props.item.answer;
  // While the answer is back with the executor, the reviewer's words stand beside it, not only in the timeline.
  const lastReturn = createMemo(() => {
    if (answer()?.state !== 'returned') return undefined;
    const e = props.events.findLast((x) => x.data.type === 'item.answer_returned');
    return e?.data.type === 'item.answer_returned' ? { comment: e.data.comment, by: e.actor?.name ?? '—', at: e.at } : undefined;
  });
  const editable = () => canEditAnswer(me, props.item);
  // While the item is with a body, its viewers see that the answer is still awaited (and typed).
  const visible = () => answer() !== null || editable() || props.item.status === 'routed';

  return (
    <Show when={visible()}>
      <section class="answer" data-testid="answer-section" data-state={answer()?.state ?? ''}>
        <header class="answer-head">
          <h3>{t('workflow.answer.title')}</h3>
          <span class="answer-state" data-testid="answer-state">
            <Switch fallback={<span class="muted">{t('workflow.answer.empty')}</span>}>
              <Match when={answer()?.state === 'approved' && answer()}>
                {(a) => (
                  <span class="badge answer-approved">
                    {a().sentAt && a().sentVia
                      ? t('workflow.answer.sent', t(`channel.${a().sentVia!}`), formatDateTime(a().sentAt!))
                      : t('workflow.answer.state.approved')}
                  </span>
                )}
              </Match>
              <Match when={answer()}>{(a) => <span class={`badge answer-${a().state}`}>{t(`workflow.answer.state.${a().state}`)}</span>}</Match>
            </Switch>
          </span>
          <Show when={props.item.returnCount > 0}>
            <span class="badge answer-returned" data-testid="answer-returned-count" data-count={props.item.returnCount}>
              {t('workflow.answer.returned', props.item.returnCount)}
            </span>
          </Show>
        </header>
        <Show when={lastReturn()}>
          {(r) => (
            <blockquote class="answer-return-note" data-testid="answer-return-note">
              <p>{r().comment}</p>
              <footer class="muted">{t('workflow.answer.returnNote', r().by, formatDateTime(r().at))}</footer>
            </blockquote>
          )}
        </Show>
        <TypingIndicator itemId={props.item.id} field="answer" />
        <Show when={answer()?.fromItemId}>{(main) => <p class="muted">{t('workflow.answer.fromMain', main())}</p>}</Show>
        <Show
          when={editable()}
          fallback={
            <Show when={answer()}>
              {(a) => (
                <>
                  <p class="answer-text" data-testid="answer-text">
                    {a().text}
                  </p>
                  <AnswerAttachments files={a().attachments} />
                  <p class="muted answer-meta">{t('workflow.answer.author', a().author.name, formatDateTime(a().updatedAt))}</p>
                </>
              )}
            </Show>
          }
        >
          <AnswerEditor item={props.item} />
        </Show>
        <Show when={canReview(me, props.item)}>
          <ReviewBar item={props.item} />
        </Show>
      </section>
    </Show>
  );
}
