import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n';

/** A drop zone with a file button; `busy` shows the upload's progress instead. */
export function FileDrop(props: { onFile: (file: File) => void; busy: number | null; error: string | null }) {
  const { t } = useI18n();
  const [over, setOver] = createSignal(false);
  let input!: HTMLInputElement;
  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file) props.onFile(file);
  };
  return (
    <section
      class="import-drop"
      classList={{ over: over() }}
      data-testid="import-drop"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (props.busy === null) take(e.dataTransfer?.files);
      }}
    >
      <Show
        when={props.busy === null}
        fallback={
          <p role="status" data-testid="import-uploading">
            {t('importing.uploading', props.busy ?? 0)}
          </p>
        }
      >
        <p>
          {t('importing.drop')}{' '}
          <button type="button" class="link" onClick={() => input.click()}>
            {t('importing.choose')}
          </button>
        </p>
        <p class="muted">{t('importing.limits')}</p>
      </Show>
      <input
        ref={input}
        type="file"
        hidden
        accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        data-testid="import-file-input"
        onChange={(e) => {
          take(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
      <Show when={props.error}>
        <p role="alert" class="import-error" data-testid="import-upload-error">
          {props.error}
        </p>
      </Show>
    </section>
  );
}
