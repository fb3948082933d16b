import { createSignal } from 'solid-js';

/**
 * Rows changed by someone else glow for a moment. Each flash gets a token that alternates
 * between 0 and 1: the row switches between two identical CSS animations, which restarts the
 * glow when a second change lands during the first.
 */
export function createFlashes(durationMs: number) {
  const [tokens, setTokens] = createSignal<ReadonlyMap<number, number>>(new Map());
  const timers = new Map<number, ReturnType<typeof setTimeout>>();

  const flash = (id: number) => {
    setTokens((prev) => {
      const next = new Map(prev);
      next.set(id, prev.get(id) === 0 ? 1 : 0);
      return next;
    });
    clearTimeout(timers.get(id));
    timers.set(
      id,
      setTimeout(() => {
        timers.delete(id);
        setTokens((prev) => {
          const next = new Map(prev);
          next.delete(id);
          return next;
        });
      }, durationMs),
    );
  };

  return { flash, tokenOf: (id: number): number | null => tokens().get(id) ?? null };
}
