import { CHANNELS, IMPORT_ORIGINS, ITEM_KINDS, REQUIRED_IMPORT_FIELDS, type Channel, type ImportSettings, type ImportUploadDto, type ItemKind } from '@okno/shared';
import { For } from 'solid-js';
import { useI18n } from '../../i18n/i18n';
import { MAPPING_FIELDS, withColumn } from './import-model';

/** Target field → column of the file, and the defaults for kind, channel and source. */
export function MappingForm(props: { upload: ImportUploadDto; settings: ImportSettings; onChange: (s: ImportSettings) => void }) {
  const { t } = useI18n();
  const setDefault = <K extends keyof ImportSettings['defaults']>(key: K, value: ImportSettings['defaults'][K]) =>
    props.onChange({ ...props.settings, defaults: { ...props.settings.defaults, [key]: value } });
  return (
    <div class="import-mapping">
      <section class="import-section">
        <h2>{t('importing.mapping')}</h2>
        <p class="muted">{t('importing.mappingHint')}</p>
        <table class="import-table" data-testid="import-mapping">
          <tbody>
            <For each={MAPPING_FIELDS}>
              {(field) => (
                <tr>
                  <th scope="row">
                    <label for={`import-map-${field}`}>{t(`importing.field.${field}`)}</label>
                    {REQUIRED_IMPORT_FIELDS.includes(field) ? <span class="import-required"> *</span> : null}
                  </th>
                  <td>
                    <select
                      id={`import-map-${field}`}
                      data-testid={`import-map-${field}`}
                      value={props.settings.mapping[field] ?? ''}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        props.onChange({ ...props.settings, mapping: withColumn(props.settings.mapping, field, v === '' ? null : Number(v)) });
                      }}
                    >
                      <option value="">{t('importing.notImported')}</option>
                      <For each={props.upload.columns}>{(c) => <option value={c.index}>{t('importing.column', c.index + 1, c.name)}</option>}</For>
                    </select>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
      <section class="import-section">
        <h2>{t('importing.defaults')}</h2>
        <p class="muted">{t('importing.defaultsHint')}</p>
        <label class="import-field">
          <span>{t('importing.defaultKind')}</span>
          <select
            data-testid="import-default-kind"
            value={props.settings.defaults.kind ?? ''}
            onChange={(e) => setDefault('kind', (e.currentTarget.value || null) as ItemKind | null)}
          >
            <option value="">{t('importing.none')}</option>
            <For each={ITEM_KINDS}>{(k) => <option value={k}>{t(`kind.${k}`)}</option>}</For>
          </select>
        </label>
        <label class="import-field">
          <span>{t('importing.defaultChannel')}</span>
          <select
            data-testid="import-default-channel"
            value={props.settings.defaults.channel ?? ''}
            onChange={(e) => setDefault('channel', (e.currentTarget.value || null) as Channel | null)}
          >
            <option value="">{t('importing.none')}</option>
            <For each={CHANNELS}>{(c) => <option value={c}>{t(`channel.${c}`)}</option>}</For>
          </select>
        </label>
        <label class="import-field">
          <span>{t('importing.origin')}</span>
          <select
            data-testid="import-origin"
            value={props.settings.defaults.origin}
            onChange={(e) => setDefault('origin', e.currentTarget.value as ImportSettings['defaults']['origin'])}
          >
            <For each={IMPORT_ORIGINS}>{(o) => <option value={o}>{t(`importing.origins.${o}`)}</option>}</For>
          </select>
        </label>
        <p class="muted">{t('importing.originHint')}</p>
      </section>
    </div>
  );
}
