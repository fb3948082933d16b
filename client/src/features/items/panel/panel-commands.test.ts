import { afterEach, describe, expect, it, vi } from 'vitest';
import { onPanelCommand, openPanelDialog, type PanelDialog } from './panel-commands';

const stops: (() => void)[] = [];
function listen(dialog: PanelDialog, itemId: number) {
  const calls: number[] = [];
  stops.push(onPanelCommand(dialog, itemId, () => calls.push(itemId)));
  return calls;
}
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  vi.useRealTimers();
});

describe('panel commands', () => {
  it('opens the named dialog of the named item only', () => {
    const route5 = listen('route', 5);
    const route6 = listen('route', 6);
    const close5 = listen('close', 5);
    openPanelDialog('route', 5);
    expect([route5, route6, close5]).toEqual([[5], [], []]);
  });

  it('a card that mounts right after the command still takes it, and only once', () => {
    openPanelDialog('escalate', 9);
    const first = listen('escalate', 9);
    const second = listen('escalate', 9);
    expect([first, second]).toEqual([[9], []]);
  });

  it('a command for a card that never opened goes stale', () => {
    vi.useFakeTimers();
    openPanelDialog('close', 4);
    vi.advanceTimersByTime(10_000);
    expect(listen('close', 4)).toEqual([]);
  });
});
