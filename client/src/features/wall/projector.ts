import { onCleanup } from 'solid-js';

/**
 * Asks for full screen. Browsers allow it only during a user's click: without one (a projector
 * opened straight at /wall?projector=1) it is not attempted, and the wall offers a button.
 */
export function enterFullscreen(): void {
  if (document.fullscreenElement || !document.fullscreenEnabled) return;
  if (navigator.userActivation && !navigator.userActivation.isActive) return;
  document.documentElement.requestFullscreen().catch(() => undefined);
}

export function exitFullscreen(): void {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
}

/**
 * Keeps a projector's screen awake while the wall is shown (Screen Wake Lock, where the browser
 * offers it). The lock drops when the tab is hidden, so it is taken again on return.
 */
export function useScreenAwake(): void {
  if (!('wakeLock' in navigator)) return;
  let lock: WakeLockSentinel | null = null;
  let active = true;
  const take = () => {
    if (!active || document.visibilityState !== 'visible') return;
    navigator.wakeLock.request('screen').then(
      (l) => {
        if (active) lock = l;
        else void l.release();
      },
      () => undefined,
    );
  };
  document.addEventListener('visibilitychange', take);
  take();
  onCleanup(() => {
    active = false;
    document.removeEventListener('visibilitychange', take);
    void lock?.release().catch(() => undefined);
  });
}
