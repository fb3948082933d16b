import { createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { DialogForm } from './DialogForm';

const SCORES = [1, 2, 3, 4, 5] as const;

/** A call-centre operator records the citizen's rating (1–5) and what they said. */
export function RatingDialog(props: { onSubmit: (score: number, comment?: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [score, setScore] = createSignal<number | null>(null);
  const [comment, setComment] = createSignal('');
  const submit = () => {
    const s = score();
    if (s === null) return;
    props.onSubmit(s, comment().trim() || undefined);
  };
  return (
    <DialogForm
      testid="rating-dialog"
      title={t('workflow.rating.title')}
      submitLabel={t('workflow.rating.submit')}
      submitClass="primary"
      valid={score() !== null}
      onSubmit={submit}
      onCancel={() => props.onCancel()}
    >
      <fieldset class="stars">
        <legend>{t('workflow.rating.score')}</legend>
        <For each={SCORES}>
          {(n) => (
            <label title={t('workflow.rating.star', n)} classList={{ lit: (score() ?? 0) >= n }}>
              <input
                type="radio"
                name="rating-score"
                value={n}
                checked={score() === n}
                aria-label={t('workflow.rating.star', n)}
                data-testid={`rating-star-${n}`}
                onChange={() => setScore(n)}
              />
              <span aria-hidden="true">★</span>
            </label>
          )}
        </For>
      </fieldset>
      <Show when={score() !== null && score()! <= 2}>
        <p class="muted">{t('workflow.rating.lowHint')}</p>
      </Show>
      <label class="field">
        <span>{t('workflow.rating.comment')}</span>
        <textarea rows={2} maxLength={2000} data-testid="rating-comment" value={comment()} onInput={(e) => setComment(e.currentTarget.value)} />
      </label>
    </DialogForm>
  );
}
