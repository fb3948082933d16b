import type { ImportJobDto, ImportRowIssue } from '@okno/shared';
import { A } from '@solidjs/router';
import { For, Match, Show, Switch } from 'solid-js';
import { importApi } from '../../api/import.api';
import { useI18n } from '../../i18n/i18n';
import { percentOf } from './import-model';

const LISTED = 50;

function IssueList(props: { title: string; issues: ImportRowIssue[]; total: number; kind: 'error' | 'warning'; testid: string }) {
  const { t } = useI18n();
  return (
    <Show when={props.total > 0}>
      <h3>{props.title}</h3>
      <ul class="import-issues" data-testid={props.testid}>
        <For each={props.issues.slice(0, LISTED)}>
          {(r) => (
            <li data-row={r.row}>
              <strong>
                {t('importing.row')} {r.row}
              </strong>
              {r.externalId ? ` (${r.externalId})` : ''}: <span class={`import-${props.kind}`}>{r.messages.join('; ')}</span>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.total > LISTED}>
        <p class="muted">{t('importing.moreRows', props.total - LISTED)}</p>
      </Show>
    </Show>
  );
}

/** A run: its progress bar while it goes, then its report (or why it wrote nothing). */
export function RunPanel(props: { job: ImportJobDto; onRetry: () => void; onAnother: () => void }) {
  const { t } = useI18n();
  const percent = () => percentOf(props.job.processed, props.job.total);
  return (
    <section class="import-section" data-testid="import-run" data-status={props.job.status}>
      <Switch>
        <Match when={props.job.status === 'running' || props.job.status === 'uploaded'}>
          <h2>{t('importing.running')}</h2>
          <div class="import-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent()} data-testid="import-progress">
            <div class="import-progress-bar" style={{ width: `${percent()}%` }} />
          </div>
          <p class="muted">
            {t('importing.progress', props.job.processed, props.job.total)} · {percent()}%
          </p>
        </Match>
        <Match when={props.job.status === 'failed'}>
          <h2>{t('importing.failed')}</h2>
          <p role="alert" class="import-error" data-testid="import-failed">
            {props.job.error}
          </p>
          <p class="muted">{t('importing.failedNothing')}</p>
          <button type="button" class="primary" onClick={() => props.onRetry()}>
            {t('importing.retry')}
          </button>
        </Match>
        <Match when={props.job.result}>
          {(result) => (
            <>
              <h2>{t('importing.done')}</h2>
              <p data-testid="import-result">{t('importing.result', result().created, result().skipped, result().failedCount)}</p>
              <IssueList title={t('importing.failedRows')} issues={result().failed} total={result().failedCount} kind="error" testid="import-failed-rows" />
              <IssueList title={t('importing.warnedRows')} issues={result().warned} total={result().warnedCount} kind="warning" testid="import-warned-rows" />
              <p class="import-actions">
                <Show when={result().failedCount + result().warnedCount > 0}>
                  <a href={importApi.reportUrl(props.job.id)} download="" data-testid="import-report-link">
                    {t('importing.report')}
                  </a>
                </Show>
                <A href="/queue">{t('importing.toQueue')}</A>
                <button type="button" onClick={() => props.onAnother()}>
                  {t('importing.another')}
                </button>
              </p>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
