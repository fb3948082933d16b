/** The node's sense of time: everything about deadlines asks this, never `new Date()`. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/**
 * A clock that tests (OKNO_TEST_CLOCK=true) may set: it then runs on from the instant set, at
 * real speed. Whoever must react to a jump (the scheduler) subscribes with `onSet`.
 */
export interface TestClock {
  readonly now: Clock;
  set(at: Date): Promise<void>;
  onSet(listener: () => Promise<unknown>): void;
}

export function adjustableClock(base: Clock = systemClock): TestClock {
  let offsetMs = 0;
  const listeners: (() => Promise<unknown>)[] = [];
  return {
    now: () => new Date(base().getTime() + offsetMs),
    async set(at: Date) {
      offsetMs = at.getTime() - base().getTime();
      await Promise.all(listeners.map((l) => l()));
    },
    onSet(listener) {
      listeners.push(listener);
    },
  };
}
