import type { ImportPreviewDto, ImportPreviewRow } from '@okno/shared';
import { createSignal, For, Show } from 'solid-js';
import { ListTable } from '../../app/ListTable';
import { useI18n } from '../../i18n/i18n';
import { useDirectory } from '../directory/directory.store';

/** What a run would do: counts, then rows as they would be imported, errors highlighted. */
export function PreviewTable(props: { preview: ImportPreviewDto }) {
  const { t, formatDateTime } = useI18n();
  const directory = useDirectory();
  const [onlyErrors, setOnlyErrors] = createSignal(false);
  const rows = () => (onlyErrors() ? props.preview.errorRows : props.preview.rows);
  const s = () => props.preview.summary;
  const categoryName = (code: string | null | undefined) => (code ? (directory.categories().find((c) => c.code === code)?.name ?? code) : null);
  const territoryName = (code: string | null | undefined) => {
    const found = code ? directory.territories().find((x) => x.code === code) : undefined;
    return found ? [found.municipality, found.district].filter(Boolean).join(', ') : (code ?? null);
  };
  const rowState = (r: ImportPreviewRow) => (r.errors.length ? 'error' : r.exists ? 'exists' : r.warnings.length ? 'warn' : 'ok');
  return (
    <section class="import-section" data-testid="import-preview">
      <h2>{t('importing.preview')}</h2>
      <p data-testid="import-summary">{t('importing.summary', s().total, s().valid, s().invalid, s().existing)}</p>
      <Show when={s().warned > 0}>
        <p class="muted">{t('importing.warnedCount', s().warned)}</p>
      </Show>
      <label class="import-toggle">
        <input type="checkbox" checked={onlyErrors()} onChange={(e) => setOnlyErrors(e.currentTarget.checked)} data-testid="import-only-errors" />
        {t('importing.onlyErrors')}
      </label>
      <div class="import-scroll">
        <ListTable
          class="import-table import-preview-table"
          headers={[
            t('importing.row'),
            t('importing.item.number'),
            t('importing.item.kind'),
            t('importing.item.channel'),
            t('importing.item.received'),
            t('importing.item.text'),
            t('importing.item.category'),
            t('importing.item.issues'),
          ]}
          rows={rows()}
          empty={t('importing.noErrors')}
        >
          {(r) => (
            <tr class={`import-row-${rowState(r)}`} data-testid="import-preview-row" data-row={r.row} data-state={rowState(r)}>
              <td>{r.row}</td>
              <td>{r.externalId ?? '—'}</td>
              <td>{r.item ? t(`kind.${r.item.kind}`) : ''}</td>
              <td>{r.item ? t(`channel.${r.item.channel}`) : ''}</td>
              <td>{r.item ? (r.item.receivedAt ? formatDateTime(r.item.receivedAt) : t('importing.receivedNow')) : ''}</td>
              <td class="import-text">{r.item?.text ?? ''}</td>
              <td>{[categoryName(r.item?.categoryCode), territoryName(r.item?.territoryCode)].filter(Boolean).join(' · ')}</td>
              <td>
                <For each={r.errors}>{(m) => <div class="import-error">{m}</div>}</For>
                <For each={r.warnings}>{(m) => <div class="import-warning">{m}</div>}</For>
                <Show when={r.item && r.exists}>
                  <div class="muted">{t('importing.exists')}</div>
                </Show>
              </td>
            </tr>
          )}
        </ListTable>
      </div>
    </section>
  );
}
