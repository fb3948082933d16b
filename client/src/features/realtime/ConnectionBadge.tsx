import { useI18n } from '../../i18n/i18n';
import { useConnection } from './connection';

/** Always visible: an operator must know whether what they see is live. */
export function ConnectionBadge() {
  const { t } = useI18n();
  const connection = useConnection();
  return (
    <span
      class={`conn conn-${connection.state()}`}
      data-testid="connection-state"
      data-state={connection.state()}
      role="status"
      aria-live="polite"
    >
      <span class="dot" aria-hidden="true" />
      {t(`connection.${connection.state()}`)}
    </span>
  );
}
