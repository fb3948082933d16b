import { useI18n } from '../../../i18n/i18n';
import { DaysReasonDialog, type DaysReasonProps } from './DaysReasonDialog';

/** An executor asks for more time: how many days and why. A lead grants it (or not). */
export function RequestExtensionDialog(props: DaysReasonProps) {
  const { t } = useI18n();
  return (
    <DaysReasonDialog
      {...props}
      testid="extension-request"
      title={t('workflow.extension.title')}
      hint={t('workflow.extension.hint')}
      submitLabel={t('workflow.extension.request')}
      submitClass="primary"
    />
  );
}
