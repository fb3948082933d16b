import { For, Show, type JSX } from 'solid-js';

/** A table with one header row and a row per item, or a muted note when there are no items. */
export function ListTable<T>(props: {
  class: string;
  testid?: string;
  headers: readonly string[];
  rows: readonly T[];
  empty: string;
  /** One `<tr>` for the item. */
  children: (row: T) => JSX.Element;
}) {
  return (
    <Show when={props.rows.length > 0} fallback={<p class="muted">{props.empty}</p>}>
      <table class={props.class} data-testid={props.testid}>
        <thead>
          <tr>
            <For each={props.headers}>{(header) => <th>{header}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>{(row) => props.children(row)}</For>
        </tbody>
      </table>
    </Show>
  );
}
