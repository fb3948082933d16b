import { formatPlaceholders } from '@okno/shared';
import { Show } from 'solid-js';
import './unfilled-placeholders.css';

/**
 * The warning that an answer still holds template placeholders («{{адрес}}»): the server
 * refuses to send such an answer, so the buttons that would send it are disabled beside it.
 */
export function UnfilledPlaceholders(props: { placeholders: readonly string[]; message: (fields: string) => string; id: string; testid: string }) {
  return (
    <Show when={props.placeholders.length > 0}>
      <p class="answer-unfilled" role="status" id={props.id} data-testid={props.testid} data-placeholders={props.placeholders.join(',')}>
        {props.message(formatPlaceholders(props.placeholders))}
      </p>
    </Show>
  );
}
