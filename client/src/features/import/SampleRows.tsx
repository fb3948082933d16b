import type { ImportUploadDto } from '@okno/shared';
import { For } from 'solid-js';
import { useI18n } from '../../i18n/i18n';

const SHOWN = 5;

/** The file's columns and its first rows, as read. */
export function SampleRows(props: { upload: ImportUploadDto }) {
  const { t } = useI18n();
  return (
    <section class="import-section">
      <h2>{t('importing.sample')}</h2>
      <div class="import-scroll">
        <table class="import-table" data-testid="import-sample">
          <thead>
            <tr>
              <th>{t('importing.row')}</th>
              <For each={props.upload.columns}>{(c) => <th>{t('importing.column', c.index + 1, c.name)}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.upload.sampleRows.slice(0, SHOWN)}>
              {(r) => (
                <tr>
                  <td>{r.row}</td>
                  <For each={r.cells}>{(cell) => <td class="import-cell">{cell}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
