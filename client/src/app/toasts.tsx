import { createContext, createSignal, For, useContext, type Accessor, type ParentProps } from 'solid-js';
import { useI18n } from '../i18n/i18n';

export type ToastKind = 'error' | 'info';
export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
}

export interface Toasts {
  list: Accessor<readonly Toast[]>;
  push: (kind: ToastKind, text: string) => void;
  dismiss: (id: number) => void;
}

/** Errors stay longer than notices: an operator must get the chance to read a refusal. */
const LIFETIME_MS: Record<ToastKind, number> = { error: 12_000, info: 5_000 };
const MAX_VISIBLE = 6;

const ToastContext = createContext<Toasts>();

export function ToastProvider(props: ParentProps) {
  const [list, setList] = createSignal<readonly Toast[]>([]);
  let nextId = 1;
  const dismiss = (id: number) => setList((l) => l.filter((t) => t.id !== id));
  const push = (kind: ToastKind, text: string) => {
    const id = nextId++;
    setList((l) => [...l, { id, kind, text }].slice(-MAX_VISIBLE));
    setTimeout(() => dismiss(id), LIFETIME_MS[kind]);
  };
  return <ToastContext.Provider value={{ list, push, dismiss }}>{props.children}</ToastContext.Provider>;
}

export function useToasts(): Toasts {
  const ctx = useContext(ToastContext);
  if (!ctx) throw new Error('useToasts outside ToastProvider');
  return ctx;
}

export function ToastHost() {
  const toasts = useToasts();
  const { t } = useI18n();
  return (
    <div class="toasts">
      <For each={toasts.list()}>
        {(toast) => (
          // Refusals are alerts; notices are polite status messages so tests and screen readers tell them apart.
          <div
            class={`toast toast-${toast.kind}`}
            role={toast.kind === 'error' ? 'alert' : 'status'}
            data-testid={toast.kind === 'error' ? 'toast' : 'notice'}
          >
            <span class="toast-text">{toast.text}</span>
            {/* The × is drawn by CSS so the toast's text is only the message. */}
            <button type="button" class="toast-close" aria-label={t('common.close')} onClick={() => toasts.dismiss(toast.id)} />
          </div>
        )}
      </For>
    </div>
  );
}
