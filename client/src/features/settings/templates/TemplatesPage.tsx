import { canEditTemplate, canReadTemplates, SECTORS, type AnswerTemplateDto } from '@okno/shared';
import { createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { ApiError } from '../../../api/http';
import { useToasts } from '../../../app/toasts';
import { useI18n } from '../../../i18n/i18n';
import { useMe } from '../../auth/auth.store';
import { useDirectory } from '../../directory/directory.store';
import { editableSectors, filterTemplates, newDraft, draftOf, type SectorFilter, type TemplateDraft } from './templates-model';
import { templatesApi } from './templates.api';
import { TemplateForm } from './TemplateForm';

import '../settings.css';
import './templates.css';

/** Which template the form edits: a new one, an existing one, or none. */
type Editing = { id: null; draft: TemplateDraft } | { id: number; version: number; draft: TemplateDraft } | null;

/** Canned answers per sector and category: leads edit (sector leads their own sectors), whoever answers reads. */
export function TemplatesPage() {
  const { t, formatDateTime } = useI18n();
  const me = useMe();
  const toasts = useToasts();
  const directory = useDirectory();
  const readable = () => canReadTemplates(me.roles);
  const [list, { refetch }] = createResource(readable, () => templatesApi.list());
  const [filter, setFilter] = createSignal<SectorFilter>('all');
  const [editing, setEditing] = createSignal<Editing>(null);
  const shown = createMemo(() => filterTemplates(list() ?? [], filter()));
  const sectors = () => editableSectors(me);
  const canEdit = (tpl: AnswerTemplateDto) => canEditTemplate(me, tpl.sector);

  const failure = (err: unknown): string[] => {
    // Validation (unknown placeholders, a category of another sector) stays in the form; the rest is a toast.
    if (err instanceof ApiError && err.code === 'validation') return [err.message];
    toasts.push('error', err instanceof ApiError && err.message ? err.message : t('common.unknownError'));
    return [];
  };

  const save = async (draft: TemplateDraft): Promise<string[]> => {
    const current = editing();
    if (!current) return [];
    try {
      if (current.id === null) await templatesApi.create(draft);
      else await templatesApi.update(current.id, { ...draft, version: current.version });
      toasts.push('info', t('templates.saved'));
      setEditing(null);
      void refetch();
      return [];
    } catch (err) {
      return failure(err);
    }
  };

  const remove = async (tpl: AnswerTemplateDto) => {
    if (!window.confirm(t('templates.confirmRemove', tpl.title))) return;
    try {
      await templatesApi.remove(tpl.id, tpl.version);
      toasts.push('info', t('templates.removed'));
      void refetch();
    } catch (err) {
      failure(err);
    }
  };

  const startNew = () => {
    const draft = newDraft(me, filter());
    if (draft) setEditing({ id: null, draft });
  };

  return (
    <section class="settings-page templates-page" data-testid="templates-page">
      <h1>{t('templates.title')}</h1>
      <p class="settings-note">{t('templates.note')}</p>
      <Switch>
        <Match when={!readable()}>
          <p role="alert">{t('templates.forbidden')}</p>
        </Match>
        <Match when={list.error}>
          <p role="alert">{t('templates.failed')}</p>
        </Match>
        <Match when={list()}>
          <Show when={sectors().length === 0}>
            <p class="muted">{t('templates.readOnly')}</p>
          </Show>
          <div class="templates-toolbar">
            <label>
              <span>{t('templates.filterSector')}</span>
              <select data-testid="templates-filter" value={filter()} onChange={(e) => setFilter(e.currentTarget.value as SectorFilter)}>
                <option value="all">{t('templates.allSectors')}</option>
                <option value="general">{t('templates.general')}</option>
                <For each={SECTORS}>{(s) => <option value={s}>{t(`sector.${s}`)}</option>}</For>
              </select>
            </label>
            <Show when={sectors().length > 0}>
              <button type="button" class="primary" data-testid="template-add" onClick={startNew}>
                {t('templates.add')}
              </button>
            </Show>
          </div>
          <Show when={editing()?.id === null}>
            <section class="settings-section">
              <TemplateForm initial={editing()!.draft} sectors={sectors()} onSubmit={save} onCancel={() => setEditing(null)} />
            </section>
          </Show>
          <Show when={shown().length > 0} fallback={<p class="muted">{t('templates.empty')}</p>}>
            <table class="settings-table" data-testid="templates-table">
              <thead>
                <tr>
                  <th>{t('templates.columns.title')}</th>
                  <th>{t('templates.columns.sector')}</th>
                  <th>{t('templates.columns.category')}</th>
                  <th>{t('templates.columns.updated')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                <For each={shown()}>
                  {(tpl) => (
                    <>
                      <tr data-testid="template-row" data-id={tpl.id}>
                        <td>
                          <strong>{tpl.title}</strong>
                          <div class="templates-body muted">{tpl.body}</div>
                        </td>
                        <td>{tpl.sector ? t(`sector.${tpl.sector}`) : t('templates.general')}</td>
                        <td>{directory.categoryName(tpl.categoryId) ?? t('templates.anyCategory')}</td>
                        <td class="muted">{tpl.updatedBy ? t('templates.updated', tpl.updatedBy.name, formatDateTime(tpl.updatedAt)) : formatDateTime(tpl.updatedAt)}</td>
                        <td class="templates-actions">
                          <Show when={canEdit(tpl)}>
                            <button type="button" data-testid="template-edit" onClick={() => setEditing({ id: tpl.id, version: tpl.version, draft: draftOf(tpl) })}>
                              {t('templates.edit')}
                            </button>
                            <button type="button" class="warn" data-testid="template-remove" onClick={() => void remove(tpl)}>
                              {t('templates.remove')}
                            </button>
                          </Show>
                        </td>
                      </tr>
                      <Show when={editing()?.id === tpl.id}>
                        <tr>
                          <td colSpan={5}>
                            <TemplateForm initial={draftOf(tpl)} sectors={sectors()} onSubmit={save} onCancel={() => setEditing(null)} />
                          </td>
                        </tr>
                      </Show>
                    </>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        </Match>
        <Match when={list.loading}>
          <p class="muted">{t('templates.loading')}</p>
        </Match>
      </Switch>
    </section>
  );
}
