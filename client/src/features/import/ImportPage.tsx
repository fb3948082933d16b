import { canWorkQueue, type ImportPreviewDto, type ImportSettings, type ImportUploadDto } from '@okno/shared';
import { createEffect, createResource, createSignal, Match, on, onCleanup, Show, Switch } from 'solid-js';
import { importApi } from '../../api/import.api';
import { ApiError } from '../../api/http';
import { useToasts } from '../../app/toasts';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../auth/auth.store';
import { useConnection } from '../realtime/connection';
import { FileDrop } from './FileDrop';
import { hasRequiredColumns, rowsToImport, runBlock } from './import-model';
import { createImportRun } from './import-run';
import { MappingForm } from './MappingForm';
import { PreviewTable } from './PreviewTable';
import { RecentImports } from './RecentImports';
import { RunPanel } from './RunPanel';
import { SampleRows } from './SampleRows';

import './import.css';

/** How long the mapping must stay unchanged before the preview is asked again. */
const PREVIEW_DEBOUNCE_MS = 300;

/** Import of ПОС and «Инцидент Менеджмент» exports: upload, map, preview, run, report. */
export function ImportPage() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <section class="import-page" data-testid="import-page">
      <h1>{t('importing.title')}</h1>
      <p class="muted">{t('importing.note')}</p>
      <Show when={canWorkQueue(me.roles)} fallback={<p role="alert">{t('importing.forbidden')}</p>}>
        <ImportWorkspace />
      </Show>
    </section>
  );
}

function ImportWorkspace() {
  const { t } = useI18n();
  const toasts = useToasts();
  const connection = useConnection();
  const [upload, setUpload] = createSignal<ImportUploadDto | null>(null);
  const [settings, setSettings] = createSignal<ImportSettings | null>(null);
  const [uploading, setUploading] = createSignal<number | null>(null);
  const [uploadError, setUploadError] = createSignal<string | null>(null);
  const [recent, { refetch: refetchRecent }] = createResource(() => importApi.recent());
  const run = createImportRun(connection.socket, () => void refetchRecent());
  const message = (err: unknown, fallback: string) => (err instanceof ApiError && err.message ? err.message : fallback);

  const choose = async (file: File) => {
    setUploadError(null);
    setUploading(0);
    try {
      const dto = await importApi.upload(file, (f) => setUploading(Math.round(f * 100)));
      run.clear();
      setUpload(dto);
      setSettings({ mapping: dto.suggestedMapping, defaults: dto.suggestedDefaults });
    } catch (err) {
      setUploadError(message(err, t('importing.uploadFailed')));
    } finally {
      setUploading(null);
    }
  };

  // The preview follows the mapping, once it has settled for a moment.
  const [previewQuery, setPreviewQuery] = createSignal<{ jobId: string; settings: ImportSettings } | null>(null);
  createEffect(
    on([upload, settings], ([u, s]) => {
      if (!u || !s || !hasRequiredColumns(s.mapping)) return setPreviewQuery(null);
      const timer = setTimeout(() => setPreviewQuery({ jobId: u.jobId, settings: s }), PREVIEW_DEBOUNCE_MS);
      onCleanup(() => clearTimeout(timer));
    }),
  );
  const [preview] = createResource(previewQuery, (q): Promise<ImportPreviewDto> => importApi.preview(q.jobId, q.settings));

  const start = async () => {
    const u = upload();
    const s = settings();
    if (!u || !s) return;
    try {
      run.follow(await importApi.run(u.jobId, s));
    } catch (err) {
      toasts.push('error', message(err, t('importing.failed')));
    }
  };
  const reset = () => {
    run.clear();
    setUpload(null);
    setSettings(null);
  };
  const summary = () => (preview.state === 'ready' ? (preview()?.summary ?? null) : null);
  const toImport = () => {
    const s = summary();
    return s ? rowsToImport(s) : 0;
  };
  const blocked = () => {
    const s = settings();
    return s ? runBlock(s.mapping, summary()) : 'unmapped';
  };
  const blockNote = () => {
    const b = blocked();
    return b && b !== 'checking' ? t(`importing.runNote.${b}`) : null;
  };

  return (
    <>
      <Switch>
        <Match when={run.job()}>{(job) => <RunPanel job={job()} onRetry={() => void start()} onAnother={reset} />}</Match>
        <Match when={upload() && settings() ? { u: upload()!, s: settings()! } : null}>
          {(state) => (
            <>
              <p class="import-file" data-testid="import-file-info">
                <strong>{t('importing.fileInfo', state().u.fileName, state().u.rowCount, state().u.headerRow)}</strong>
                {/* Which sheet was read matters only when there was a choice. */}
                <Show when={(state().u.sheet?.count ?? 0) > 1 ? state().u.sheet : null}>
                  {(sheet) => (
                    <span data-testid="import-sheet-info">
                      {' · '}
                      {t('importing.sheetInfo', sheet().name, sheet().index, sheet().count)}
                    </span>
                  )}
                </Show>
                <Show when={state().u.encoding && state().u.delimiter}>
                  {' · '}
                  {t('importing.csvInfo', state().u.encoding!, state().u.delimiter!)}
                </Show>
                <Show when={state().u.preset}>{(p) => <span class="import-preset"> · {t(`importing.preset.${p()}`)}</span>}</Show>{' '}
                <button type="button" onClick={reset}>
                  {t('importing.another')}
                </button>
              </p>
              <SampleRows upload={state().u} />
              <MappingForm upload={state().u} settings={state().s} onChange={setSettings} />
              <Switch>
                <Match when={preview.error}>
                  <p role="alert" class="import-error" data-testid="import-preview-error">
                    {message(preview.error, t('importing.previewFailed'))}
                  </p>
                </Match>
                <Match when={preview.state === 'ready' && preview()}>{(p) => <PreviewTable preview={p()} />}</Match>
                <Match when={preview.loading}>
                  <p class="muted">{t('importing.previewLoading')}</p>
                </Match>
              </Switch>
              <p class="import-actions">
                <button type="button" class="primary" data-testid="import-run-button" disabled={preview.loading || blocked() !== null} onClick={() => void start()}>
                  {t('importing.run', toImport())}
                </button>
                <Show when={!preview.loading && blockNote()}>
                  {(note) => (
                    <span class="muted" role="status" data-testid="import-run-note">
                      {note()}
                    </span>
                  )}
                </Show>
              </p>
            </>
          )}
        </Match>
        <Match when={true}>
          <FileDrop onFile={(f) => void choose(f)} busy={uploading()} error={uploadError()} />
        </Match>
      </Switch>
      <RecentImports jobs={recent() ?? []} />
    </>
  );
}
