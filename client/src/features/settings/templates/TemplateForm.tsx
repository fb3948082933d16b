import { TEMPLATE_PLACEHOLDERS, type Sector, type TemplateContext } from '@okno/shared';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { inlineForm } from '../inline-form';
import { useDirectory } from '../../directory/directory.store';
import { insertPlaceholder, previewOf, type TemplateDraft } from './templates-model';

/** The fields of a canned answer, with placeholder buttons and a live preview on an example item. */
export function TemplateForm(props: {
  initial: TemplateDraft;
  sectors: readonly (Sector | null)[];
  onSubmit: (draft: TemplateDraft) => Promise<string[]>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const keys = inlineForm(props);
  const directory = useDirectory();
  const [draft, setDraft] = createSignal<TemplateDraft>(props.initial);
  const [issues, setIssues] = createSignal<string[]>([]);
  const [busy, setBusy] = createSignal(false);
  let bodyField: HTMLTextAreaElement | undefined;
  const patch = (p: Partial<TemplateDraft>) => setDraft((d) => ({ ...d, ...p }));

  const sample = (): TemplateContext => ({
    гражданин: t('templates.sample.citizen'),
    номер: '1024',
    дата: new Intl.DateTimeFormat('ru-RU').format(new Date()),
    адрес: t('templates.sample.address'),
    орган: t('templates.sample.department'),
    исполнитель: t('templates.sample.executor'),
  });
  const preview = createMemo(() => previewOf(draft().body, sample()));

  const insert = (name: string) => {
    const field = bodyField;
    const at = field ? [field.selectionStart, field.selectionEnd] : [draft().body.length, draft().body.length];
    const next = insertPlaceholder(draft().body, at[0]!, at[1]!, name);
    patch({ body: next.body });
    queueMicrotask(() => {
      field?.focus();
      field?.setSelectionRange(next.caret, next.caret);
    });
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setIssues(await props.onSubmit(draft()));
    setBusy(false);
  };

  return (
    <form class="settings-form templates-form" data-testid="template-form" ref={keys.ref} onKeyDown={(e) => keys.onKeyDown(e)} onSubmit={(e) => void submit(e)}>
      <label>
        <span>{t('templates.sector')}</span>
        <select
          data-testid="template-sector"
          value={draft().sector ?? ''}
          onChange={(e) => patch({ sector: (e.currentTarget.value || null) as Sector | null, categoryId: null })}
        >
          <For each={props.sectors}>{(s) => <option value={s ?? ''}>{s ? t(`sector.${s}`) : t('templates.general')}</option>}</For>
        </select>
      </label>
      <label>
        <span>{t('templates.category')}</span>
        <select
          data-testid="template-category"
          disabled={draft().sector === null}
          value={draft().categoryId ?? ''}
          onChange={(e) => patch({ categoryId: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
        >
          <option value="">{t('templates.anyCategory')}</option>
          <For each={directory.categoriesOf(draft().sector)}>{(c) => <option value={c.id}>{c.name}</option>}</For>
        </select>
      </label>
      <label class="templates-wide">
        <span>{t('templates.titleField')}</span>
        <input required minLength={3} maxLength={200} data-testid="template-title" value={draft().title} onInput={(e) => patch({ title: e.currentTarget.value })} />
      </label>
      <div class="templates-wide">
        <span>{t('templates.placeholders')}</span>
        <div class="templates-chips">
          <For each={TEMPLATE_PLACEHOLDERS}>
            {(name) => (
              <button type="button" class="templates-chip" title={t('templates.insert', name)} data-testid={`placeholder-${name}`} onClick={() => insert(name)}>
                {`{{${name}}}`} <small class="muted">{t(`templates.placeholder.${name}`)}</small>
              </button>
            )}
          </For>
        </div>
      </div>
      <label class="templates-wide">
        <span>{t('templates.body')}</span>
        <textarea
          ref={bodyField}
          required
          minLength={10}
          maxLength={20000}
          rows={7}
          data-testid="template-body"
          value={draft().body}
          onInput={(e) => patch({ body: e.currentTarget.value })}
        />
      </label>
      <Show when={preview().unknown.length > 0}>
        <p class="templates-warning" role="alert" data-testid="template-unknown">
          {t('templates.unknown', preview().unknown.map((p) => `{{${p}}}`).join(', '))}
        </p>
      </Show>
      <div class="templates-wide">
        <span>{t('templates.preview')}</span>
        <p class="templates-preview" data-testid="template-preview">{preview().text}</p>
      </div>
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy()} data-testid="template-submit">
          {t('templates.save')}
        </button>
        <button type="button" onClick={() => props.onCancel()}>
          {t('templates.cancel')}
        </button>
      </div>
      <Show when={issues().length > 0}>
        <ul class="settings-issues" role="alert" data-testid="template-issues">
          <For each={issues()}>{(i) => <li>{i}</li>}</For>
        </ul>
      </Show>
    </form>
  );
}
