import { RUSSIAN_TIME_ZONES, type CentreSettingsBody, type DeadlineSettingsDto, type RussianTimeZone } from '@okno/shared';
import { createEffect, createSignal, For, on, Show, untrack, type Accessor } from 'solid-js';
import { settingsApi } from '../../api/settings.api';
import { useI18n } from '../../i18n/i18n';
import { parseOptionalNumber } from './settings-model';
import { type Ctx, Issues } from './settings-context';

const ZONES = Object.keys(RUSSIAN_TIME_ZONES) as RussianTimeZone[];

export function CentreForm(props: { settings: Accessor<DeadlineSettingsDto>; ctx: Ctx }) {
  const { t } = useI18n();
  const [draft, setDraft] = createSignal<CentreSettingsBody>(untrack(() => props.settings().centre.centre));
  const [issues, setIssues] = createSignal<string[]>([]);
  const [busy, setBusy] = createSignal(false);
  createEffect(on(() => props.settings().centre.version, () => setDraft(props.settings().centre.centre), { defer: true }));
  const patch = (p: Partial<CentreSettingsBody>) => setDraft((d) => ({ ...d, ...p }));
  const setLunch = (part: 'start' | 'end', value: string) =>
    setDraft((d) => {
      const lunch = { start: d.lunchBreak?.start ?? '', end: d.lunchBreak?.end ?? '', [part]: value };
      const { lunchBreak: _old, ...rest } = d;
      return !lunch.start && !lunch.end ? rest : { ...rest, lunchBreak: lunch };
    });
  const zoneLabel = (zone: RussianTimeZone | number) =>
    typeof zone === 'number' ? t('settings.centre.offset', zone) : `${zone} (${t('settings.centre.offset', RUSSIAN_TIME_ZONES[zone])})`;
  const save = async () => {
    setBusy(true);
    const version = props.settings().centre.version;
    const centre = draft();
    setIssues(await props.ctx.save((reason) => settingsApi.saveCentre({ version, centre, reason })));
    setBusy(false);
  };
  return (
    <section class="settings-section" data-testid="centre-settings">
      <h2>{t('settings.centre.title')}</h2>
      <fieldset class="settings-form" disabled={!props.ctx.editable()}>
        <label>
          <span>{t('settings.centre.timeZone')}</span>
          <select
            data-testid="centre-zone"
            value={String(draft().timeZone)}
            onChange={(e) => {
              const v = e.currentTarget.value;
              patch({ timeZone: /^-?\d+$/.test(v) ? Number(v) : (v as RussianTimeZone) });
            }}
          >
            <Show when={typeof draft().timeZone === 'number'}>
              <option value={String(draft().timeZone)}>{zoneLabel(draft().timeZone)}</option>
            </Show>
            <For each={ZONES}>{(z) => <option value={z}>{zoneLabel(z)}</option>}</For>
          </select>
        </label>
        <fieldset>
          <legend>{t('settings.centre.workday')}</legend>
          <label>
            <span>{t('settings.centre.start')}</span>
            <input type="time" data-testid="centre-start" value={draft().workdayStart ?? ''} onInput={(e) => patch({ workdayStart: e.currentTarget.value || undefined })} />
          </label>
          <label>
            <span>{t('settings.centre.end')}</span>
            <input type="time" data-testid="centre-end" value={draft().workdayEnd ?? ''} onInput={(e) => patch({ workdayEnd: e.currentTarget.value || undefined })} />
          </label>
        </fieldset>
        <fieldset>
          <legend title={t('settings.centre.lunchHint')}>{t('settings.centre.lunch')}</legend>
          <label>
            <span>{t('settings.centre.start')}</span>
            <input type="time" data-testid="centre-lunch-start" value={draft().lunchBreak?.start ?? ''} onInput={(e) => setLunch('start', e.currentTarget.value)} />
          </label>
          <label>
            <span>{t('settings.centre.end')}</span>
            <input type="time" data-testid="centre-lunch-end" value={draft().lunchBreak?.end ?? ''} onInput={(e) => setLunch('end', e.currentTarget.value)} />
          </label>
          <small class="muted">{t('settings.centre.lunchHint')}</small>
        </fieldset>
        <label>
          <span>{t('settings.centre.shortDayCut')}</span>
          <input
            type="number"
            min="0"
            step="1"
            class="settings-number"
            data-testid="centre-short-cut"
            value={draft().shortDayCutMinutes ?? ''}
            onInput={(e) => patch({ shortDayCutMinutes: parseOptionalNumber(e.currentTarget.value) })}
          />
        </label>
        <Show when={props.ctx.editable()}>
          <button type="button" data-testid="centre-save" disabled={busy()} onClick={() => void save()}>
            {t('settings.save')}
          </button>
        </Show>
      </fieldset>
      <Issues issues={issues()} testid="centre-issues" />
    </section>
  );
}
