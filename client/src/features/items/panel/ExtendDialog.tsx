import { useI18n } from '../../../i18n/i18n';
import { DaysReasonDialog, type DaysReasonProps } from './DaysReasonDialog';

/** Extends an appeal's answer period once (59-ФЗ art. 12): how many days, and why. */
export function ExtendDialog(props: DaysReasonProps) {
  const { t } = useI18n();
  return <DaysReasonDialog {...props} testid="extend" title={t('item.extendTitle')} hint={t('item.extendHint')} submitLabel={t('item.extend')} />;
}
