import { unfilledPlaceholders, type AttachmentDto, type ItemAnswerDto, type ItemDto } from '@okno/shared';
import { createEffect, createMemo, createSignal, on, Show } from 'solid-js';
import { ApiError } from '../../../api/http';
import { itemsApi } from '../../../api/items.api';
import { useToasts } from '../../../app/toasts';
import { useI18n } from '../../../i18n/i18n';
import { useMe } from '../../auth/auth.store';
import { useTypingNotifier } from '../../collab/typing';
import { useItems } from '../items.store';
import { AnswerAttachments } from './AnswerAttachments';
import { TemplatePicker } from './TemplatePicker';
import { UnfilledPlaceholders } from './UnfilledPlaceholders';

const MAX_TEXT = 20000;
const MAX_FILES = 20;

const sameFiles = (a: readonly AttachmentDto[], b: readonly AttachmentDto[]) => a.map((f) => f.id).join() === b.map((f) => f.id).join();

/**
 * The answer draft: text (from a template or typed), attachments uploaded as they are chosen,
 * saved as a draft or sent for review. Edits stay the writer's: a change from the server
 * replaces the text only when someone else saved and the writer had not typed since.
 */
export function AnswerEditor(props: { item: ItemDto }) {
  const { t } = useI18n();
  const me = useMe();
  const items = useItems();
  const toasts = useToasts();
  const saved = (): ItemAnswerDto | null => props.item.answer;
  // The starting draft; later server changes are followed below.
  // eslint-disable-next-line solid/reactivity -- read once on purpose
  const start: { text: string; files: readonly AttachmentDto[] } = { text: saved()?.text ?? '', files: saved()?.attachments ?? [] };
  const [text, setText] = createSignal(start.text);
  const [files, setFiles] = createSignal<readonly AttachmentDto[]>(start.files);
  const [uploading, setUploading] = createSignal<readonly string[]>([]);
  let base = start;
  // eslint-disable-next-line solid/reactivity -- the card is mounted per item: the id never changes
  const typing = useTypingNotifier(props.item.id, 'answer');
  let textarea: HTMLTextAreaElement | undefined;
  let fileInput: HTMLInputElement | undefined;

  createEffect(
    on(saved, (answer) => {
      if (!answer || answer.author.id === me.id) return;
      if (text() === base.text && sameFiles(files(), base.files)) {
        setText(answer.text);
        setFiles(answer.attachments);
      }
      base = { text: answer.text, files: answer.attachments };
    }, { defer: true }),
  );

  // A template's gaps left in the text: the server refuses to send them, so submit waits.
  const unfilled = createMemo(() => unfilledPlaceholders(text()));
  const dirty = () => text() !== (saved()?.text ?? '') || !sameFiles(files(), saved()?.attachments ?? []);
  const save = () => {
    items.actions.saveAnswer(props.item.id, text(), files().map((f) => f.id));
    base = { text: text(), files: files() };
  };
  const submit = () => {
    if (text().trim() === '' || unfilled().length > 0) return;
    // The outbox sends them in order; the submit carries the version the save produced.
    if (dirty()) save();
    items.actions.submitAnswer(props.item.id);
  };

  const insertTemplate = (body: string) => {
    const el = textarea;
    if (!el || text().trim() === '') {
      setText(body.slice(0, MAX_TEXT));
      return;
    }
    const next = `${text().slice(0, el.selectionStart)}${body}${text().slice(el.selectionEnd)}`;
    setText(next.slice(0, MAX_TEXT));
    el.focus();
  };

  const uploadFiles = async (list: FileList) => {
    for (const file of Array.from(list)) {
      if (files().length + uploading().length >= MAX_FILES) {
        toasts.push('error', t('workflow.attachments.tooMany', MAX_FILES));
        return;
      }
      setUploading((u) => [...u, file.name]);
      try {
        const uploaded = await itemsApi.uploadAttachment(props.item.id, file);
        setFiles((f) => [...f, uploaded]);
      } catch (err) {
        const message = err instanceof ApiError && err.message ? err.message : t('common.unknownError');
        toasts.push('error', t('workflow.attachments.failed', file.name, message));
      } finally {
        setUploading((u) => u.filter((name) => name !== file.name));
      }
    }
  };

  return (
    <div class="answer-editor">
      <div class="answer-tools">
        <TemplatePicker item={props.item} onInsert={insertTemplate} />
        <button type="button" data-testid="attachment-add" disabled={files().length >= MAX_FILES} onClick={() => fileInput?.click()}>
          {t('workflow.attachments.add')}
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          data-testid="attachment-input"
          onChange={(e) => {
            const list = e.currentTarget.files;
            if (list && list.length > 0) void uploadFiles(list).finally(() => fileInput && (fileInput.value = ''));
          }}
        />
      </div>
      <textarea
        ref={textarea}
        rows={6}
        maxLength={MAX_TEXT}
        aria-label={t('workflow.answer.text')}
        placeholder={t('workflow.answer.placeholder')}
        data-testid="answer-input"
        value={text()}
        onInput={(e) => {
          setText(e.currentTarget.value);
          typing();
        }}
        onKeyDown={(e) => {
          if (e.key === 's' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            if (dirty()) save();
          }
        }}
      />
      <UnfilledPlaceholders
        placeholders={unfilled()}
        message={(fields) => t('workflow.answer.unfilled', fields)}
        id={`answer-unfilled-${props.item.id}`}
        testid="answer-unfilled"
      />
      <AnswerAttachments files={files()} uploading={uploading()} onRemove={(id) => setFiles((f) => f.filter((file) => file.id !== id))} />
      <div class="answer-buttons">
        <Show when={dirty()}>
          <span class="muted" data-testid="answer-unsaved">
            {t('workflow.answer.unsaved')}
          </span>
        </Show>
        <button type="button" data-testid="answer-save" disabled={!dirty() || uploading().length > 0} onClick={save}>
          {t('workflow.answer.save')}
        </button>
        <button
          type="button"
          class="primary"
          data-testid="answer-submit"
          disabled={text().trim() === '' || uploading().length > 0 || unfilled().length > 0}
          aria-describedby={unfilled().length > 0 ? `answer-unfilled-${props.item.id}` : undefined}
          onClick={submit}
        >
          {t('workflow.answer.submit')}
        </button>
      </div>
    </div>
  );
}
