import type { ImportJobDto } from '@okno/shared';
import { Show } from 'solid-js';
import { importApi } from '../../api/import.api';
import { ListTable } from '../../app/ListTable';
import { useI18n } from '../../i18n/i18n';

/** The person's latest imports with their outcome and report. */
export function RecentImports(props: { jobs: readonly ImportJobDto[] }) {
  const { t, formatDateTime } = useI18n();
  return (
    <section class="import-section">
      <h2>{t('importing.recent')}</h2>
      <ListTable
        class="import-table"
        testid="import-recent"
        headers={[t('importing.at'), t('importing.file'), t('importing.state'), t('importing.outcome')]}
        rows={props.jobs}
        empty={t('importing.recentEmpty')}
      >
        {(job) => (
          // A file uploaded but never run is shown dimmed (the server drops it after an hour).
          <tr class={job.status === 'uploaded' ? 'muted' : undefined} data-status={job.status}>
            <td>{formatDateTime(job.createdAt)}</td>
            <td>{job.fileName}</td>
            <td>{t(`importing.status.${job.status}`)}</td>
            <td>
              <Show when={job.result} fallback={job.error ?? ''}>
                {(r) => (
                  <>
                    {t('importing.outcomeShort', r().created, r().skipped, r().failedCount)}{' '}
                    <Show when={r().failedCount + r().warnedCount > 0}>
                      <a href={importApi.reportUrl(job.id)} download="">
                        CSV
                      </a>
                    </Show>
                  </>
                )}
              </Show>
            </td>
          </tr>
        )}
      </ListTable>
    </section>
  );
}
