import { SECTORS, type BulkAction, type Sector } from '@okno/shared';
import { createSignal, createUniqueId, For, onMount, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n';
import { useDirectory } from '../directory/directory.store';
import { DialogForm } from '../items/panel/DialogForm';
import { MIN_REASON } from '../items/panel/EscalateDialog';

interface Props {
  count: number;
  onSubmit: (action: BulkAction) => void;
  onCancel: () => void;
}

const collator = new Intl.Collator('ru');
const SUGGESTED = '';

/** Route the ticked items to one body, or each to the body its routing rules suggest. */
export function BulkRouteDialog(props: Props) {
  const { t } = useI18n();
  const dir = useDirectory();
  const [department, setDepartment] = createSignal(SUGGESTED);
  const [reason, setReason] = createSignal('');
  let first: HTMLSelectElement | undefined;
  onMount(() => first?.focus());
  const bodies = () => dir.departments().filter((d) => d.active).sort((a, b) => collator.compare(a.name, b.name));
  // The reason is optional (needed only when re-routing), but if given it must say something.
  const reasonOk = () => reason().trim() === '' || reason().trim().length >= MIN_REASON;
  const hintId = createUniqueId();
  return (
    <DialogForm
      testid="bulk-route-dialog"
      title={t('collab.bulk.routeTitle', props.count)}
      submitLabel={t('collab.bulk.routeSubmit')}
      valid={reasonOk()}
      onCancel={() => props.onCancel()}
      onSubmit={() => {
        const trimmed = reason().trim();
        props.onSubmit({
          action: 'route',
          departmentId: department() === SUGGESTED ? null : Number(department()),
          ...(trimmed ? { reason: trimmed } : {}),
        });
      }}
    >
      <label class="field">
        <span>{t('collab.bulk.department')}</span>
        <select ref={first} data-testid="bulk-route-department" value={department()} onChange={(e) => setDepartment(e.currentTarget.value)}>
          <option value={SUGGESTED}>{t('collab.bulk.routeSuggested')}</option>
          <For each={bodies()}>{(d) => <option value={String(d.id)}>{d.name}</option>}</For>
        </select>
      </label>
      <label class="field">
        <span>{t('collab.bulk.reason')}</span>
        <textarea
          rows={2}
          maxLength={1000}
          data-testid="bulk-route-reason"
          aria-invalid={!reasonOk()}
          aria-describedby={reasonOk() ? undefined : hintId}
          value={reason()}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </label>
      <Show when={!reasonOk()}>
        <p class="form-error" id={hintId} role="alert" data-testid="bulk-route-reason-short">
          {t('collab.bulk.reasonTooShort', MIN_REASON)}
        </p>
      </Show>
    </DialogForm>
  );
}

/** Set one sector and category on the ticked items. */
export function BulkCategoryDialog(props: Props) {
  const { t } = useI18n();
  const dir = useDirectory();
  const [sector, setSector] = createSignal<Sector | ''>('');
  const [category, setCategory] = createSignal('');
  let first: HTMLSelectElement | undefined;
  onMount(() => first?.focus());
  return (
    <DialogForm
      testid="bulk-category-dialog"
      title={t('collab.bulk.categoriseTitle', props.count)}
      submitLabel={t('collab.bulk.categoriseSubmit')}
      valid={sector() !== ''}
      onCancel={() => props.onCancel()}
      onSubmit={() => {
        const s = sector();
        if (s) props.onSubmit({ action: 'categorise', sector: s, categoryId: category() ? Number(category()) : null });
      }}
    >
      <label class="field">
        <span>{t('collab.bulk.sector')}</span>
        <select
          ref={first}
          data-testid="bulk-sector"
          value={sector()}
          onChange={(e) => {
            setSector(e.currentTarget.value as Sector | '');
            setCategory('');
          }}
        >
          <option value="" disabled>
            —
          </option>
          <For each={SECTORS}>{(s) => <option value={s}>{t(`sector.${s}`)}</option>}</For>
        </select>
      </label>
      <label class="field">
        <span>{t('collab.bulk.category')}</span>
        <select data-testid="bulk-category" value={category()} disabled={sector() === ''} onChange={(e) => setCategory(e.currentTarget.value)}>
          <option value="">{t('collab.bulk.noCategory')}</option>
          <For each={dir.categoriesOf(sector() || null)}>{(c) => <option value={String(c.id)}>{c.name}</option>}</For>
        </select>
      </label>
    </DialogForm>
  );
}

/** Close the ticked items as duplicates of one main item (they then follow its answer and status). */
export function BulkDuplicateDialog(props: Props) {
  const { t } = useI18n();
  const [main, setMain] = createSignal('');
  let first: HTMLInputElement | undefined;
  onMount(() => first?.focus());
  const mainId = () => (/^[1-9]\d{0,9}$/.test(main().trim()) ? Number(main().trim()) : null);
  return (
    <DialogForm
      testid="bulk-duplicate-dialog"
      title={t('collab.bulk.duplicateTitle', props.count)}
      submitLabel={t('collab.bulk.duplicateSubmit')}
      submitClass="warn"
      valid={mainId() !== null}
      onCancel={() => props.onCancel()}
      onSubmit={() => {
        const id = mainId();
        if (id !== null) props.onSubmit({ action: 'close_duplicate', mainItemId: id });
      }}
    >
      <label class="field">
        <span>{t('collab.bulk.mainItem')}</span>
        <input ref={first} type="text" inputMode="numeric" data-testid="bulk-main-item" value={main()} onInput={(e) => setMain(e.currentTarget.value)} />
      </label>
    </DialogForm>
  );
}
