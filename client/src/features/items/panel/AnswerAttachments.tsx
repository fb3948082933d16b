import type { AttachmentDto } from '@okno/shared';
import { For, Show } from 'solid-js';
import { itemsApi } from '../../../api/items.api';
import { useI18n } from '../../../i18n/i18n';

/** The answer's files as download links; with `onRemove`, each can be taken off the draft. */
export function AnswerAttachments(props: { files: readonly AttachmentDto[]; uploading?: readonly string[]; onRemove?: (id: number) => void }) {
  const { t } = useI18n();
  const kb = (size: number) => Math.max(1, Math.round(size / 1024));
  return (
    <Show when={props.files.length > 0 || (props.uploading?.length ?? 0) > 0}>
      <ul class="attachments" aria-label={t('workflow.attachments.title')} data-testid="answer-attachments">
        <For each={props.files}>
          {(file) => (
            <li data-testid="answer-attachment" data-attachment-id={file.id}>
              <a href={itemsApi.attachmentUrl(file.id)} download={file.name} target="_blank" rel="noopener">
                {file.name}
              </a>{' '}
              <span class="muted">{t('workflow.attachments.size', kb(file.size))}</span>
              <Show when={props.onRemove}>
                {(remove) => (
                  <button
                    type="button"
                    class="link"
                    data-testid="attachment-remove"
                    aria-label={t('workflow.attachments.removeFile', file.name)}
                    onClick={() => remove()(file.id)}
                  >
                    {t('workflow.attachments.remove')}
                  </button>
                )}
              </Show>
            </li>
          )}
        </For>
        <For each={props.uploading ?? []}>{(name) => <li class="muted">{t('workflow.attachments.uploading', name)}</li>}</For>
      </ul>
    </Show>
  );
}
