import { createSignal } from 'solid-js';
import { useI18n } from '../../../i18n/i18n';
import { DialogForm } from './DialogForm';
import { TextField } from './TextField';

/** Records an incident's interim answer; the final answer's clock starts from it. */
export function InterimDialog(props: { onSubmit: (text: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [text, setText] = createSignal('');
  const valid = () => text().trim().length >= 1;
  return (
    <DialogForm
      testid="interim-dialog"
      title={t('item.interimTitle')}
      submitLabel={t('item.interim')}
      submitClass="primary"
      valid={valid()}
      onSubmit={() => valid() && props.onSubmit(text().trim())}
      onCancel={() => props.onCancel()}
    >
      <p class="muted">{t('item.interimHint')}</p>
      <TextField
        label={t('item.interimText')}
        testid="interim-text"
        value={text()}
        onInput={setText}
        minLength={1}
        maxLength={4000}
        tooShort={t('item.textRequired')}
        autofocus
      />
    </DialogForm>
  );
}
