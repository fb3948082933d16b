import { createSignal, onMount, Show } from 'solid-js';

interface Props {
  label: string;
  testid: string;
  value: string;
  onInput: (value: string) => void;
  minLength: number;
  maxLength: number;
  /** Shown once the person typed something too short. */
  tooShort: string;
  autofocus?: boolean;
  rows?: number;
}

/** A required multi-line field with its length rule stated after the first keystrokes. */
export function TextField(props: Props) {
  const [touched, setTouched] = createSignal(false);
  let input: HTMLTextAreaElement | undefined;
  onMount(() => props.autofocus && input?.focus());
  return (
    <>
      <label class="field">
        <span>{props.label}</span>
        <textarea
          ref={input}
          rows={props.rows ?? 4}
          required
          minLength={props.minLength}
          maxLength={props.maxLength}
          data-testid={props.testid}
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
          onBlur={() => setTouched(true)}
        />
      </label>
      <Show when={touched() && props.value.trim().length < props.minLength}>
        <p class="form-error" role="alert">
          {props.tooShort}
        </p>
      </Show>
    </>
  );
}
