import { type CalendarYearBody, type DeadlineSettingsDto } from '@okno/shared';
import { createEffect, createMemo, createSignal, For, on, Show, untrack, type Accessor } from 'solid-js';
import { settingsApi } from '../../api/settings.api';
import { useI18n } from '../../i18n/i18n';
import { addDay, DAY_LISTS, emptyCalendar, isDayOfYear, removeDay, type DayListKey } from './settings-model';
import { type Ctx, Issues } from './settings-context';

export function CalendarsEditor(props: { settings: Accessor<DeadlineSettingsDto>; ctx: Ctx }) {
  const { t } = useI18n();
  const years = createMemo(() => props.settings().calendars.map((c) => c.year).sort((a, b) => a - b));
  /** The year after the last one stored may be started by an administrator. */
  const nextYear = () => (years().length > 0 ? Math.max(...years()) + 1 : new Date().getFullYear());
  const [year, setYear] = createSignal(years().includes(new Date().getFullYear()) ? new Date().getFullYear() : (years()[0] ?? nextYear()));
  const stored = () => props.settings().calendars.find((c) => c.year === year());
  const [draft, setDraft] = createSignal<CalendarYearBody>(untrack(() => stored()?.calendar ?? emptyCalendar(year())));
  const [dirty, setDirty] = createSignal(false);
  const [issues, setIssues] = createSignal<string[]>([]);
  const [busy, setBusy] = createSignal(false);
  const [newDate, setNewDate] = createSignal('');
  const [newList, setNewList] = createSignal<DayListKey>('holidays');
  // Switching years, or a saved change, shows the stored calendar again.
  createEffect(
    on([year, () => stored()?.version], () => {
      setDraft(stored()?.calendar ?? emptyCalendar(year()));
      setDirty(false);
      setIssues([]);
    }, { defer: true }),
  );
  const change = (next: CalendarYearBody) => {
    setDraft(next);
    setDirty(true);
  };
  const add = () => {
    if (!isDayOfYear(newDate(), year())) {
      setIssues([t('settings.calendars.badDate', year())]);
      return;
    }
    setIssues([]);
    change(addDay(draft(), newList(), newDate()));
    setNewDate('');
  };
  const save = async () => {
    setBusy(true);
    const y = year();
    const version = stored()?.version ?? null;
    const calendar = draft();
    setIssues(await props.ctx.save((reason) => settingsApi.saveCalendar(y, { version, calendar, reason })));
    setBusy(false);
  };
  return (
    <section class="settings-section" data-testid="calendar-settings">
      <h2>{t('settings.calendars.title')}</h2>
      <div class="settings-form">
        <label>
          <span>{t('settings.calendars.year')}</span>
          <select data-testid="calendar-year" value={String(year())} onChange={(e) => setYear(Number(e.currentTarget.value))}>
            <For each={years()}>{(y) => <option value={String(y)}>{y}</option>}</For>
            <Show when={props.ctx.editable()}>
              <option value={String(nextYear())}>{t('settings.calendars.newYear', nextYear())}</option>
            </Show>
          </select>
        </label>
        <label>
          <span>{t('settings.calendars.source')}</span>
          <input
            type="text"
            data-testid="calendar-source"
            disabled={!props.ctx.editable()}
            value={draft().source}
            onInput={(e) => change({ ...draft(), source: e.currentTarget.value })}
          />
        </label>
        <label>
          <span>{t('settings.calendars.status')}</span>
          <select
            data-testid="calendar-status"
            disabled={!props.ctx.editable()}
            value={draft().status}
            onChange={(e) => change({ ...draft(), status: e.currentTarget.value as CalendarYearBody['status'] })}
          >
            <option value="official">{t('settings.calendars.statusValue.official')}</option>
            <option value="projected">{t('settings.calendars.statusValue.projected')}</option>
          </select>
        </label>
      </div>
      <div class="settings-days">
        <For each={DAY_LISTS}>
          {(list) => (
            <div class="settings-day-list" data-testid={`calendar-${list}`}>
              <h3>{t(`settings.calendars.${list}`)}</h3>
              <Show when={draft()[list].length > 0} fallback={<p class="muted">{t('settings.calendars.none')}</p>}>
                <ul>
                  <For each={draft()[list]}>
                    {(date) => (
                      <li data-testid="calendar-date" data-date={date}>
                        <time dateTime={date}>{date}</time>
                        <Show when={props.ctx.editable()}>
                          <button
                            type="button"
                            class="settings-remove"
                            aria-label={t('settings.calendars.remove', date)}
                            title={t('settings.calendars.remove', date)}
                            onClick={() => change(removeDay(draft(), list, date))}
                          >
                            ×
                          </button>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </div>
          )}
        </For>
      </div>
      <Show when={props.ctx.editable()}>
        <div class="settings-form">
          <label>
            <span>{t('settings.calendars.addDate')}</span>
            <input type="date" data-testid="calendar-new-date" value={newDate()} onInput={(e) => setNewDate(e.currentTarget.value)} />
          </label>
          <label>
            <span>{t('settings.calendars.list')}</span>
            <select data-testid="calendar-new-list" value={newList()} onChange={(e) => setNewList(e.currentTarget.value as DayListKey)}>
              <For each={DAY_LISTS}>{(list) => <option value={list}>{t(`settings.calendars.${list}`)}</option>}</For>
            </select>
          </label>
          <button type="button" data-testid="calendar-add-date" onClick={add}>
            {t('settings.calendars.add')}
          </button>
          <button type="button" data-testid="calendar-save" disabled={busy()} onClick={() => void save()}>
            {t('settings.save')}
          </button>
          <Show when={dirty()}>
            <span class="muted">{t('settings.calendars.unsaved')}</span>
          </Show>
        </div>
      </Show>
      <Issues issues={issues()} testid="calendar-issues" />
    </section>
  );
}
