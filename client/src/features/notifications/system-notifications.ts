/** The browser's own notifications (the Notification API), asked for only from a user's click. */
export type SystemPermission = NotificationPermission | 'unsupported';

export function systemPermission(): SystemPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Asks the browser; must run from a user gesture (a click), never on page load. */
export async function requestSystemPermission(): Promise<SystemPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}

/**
 * Shows one system notification when the person allowed it and is not looking at the console
 * (a focused tab already shows the bell's count). The tag makes every tab of the same person
 * show one notification, not one per tab.
 */
export function showSystemNotification(options: { tag: string; title: string; body: string; onClick: () => void }): void {
  if (systemPermission() !== 'granted') return;
  if (document.visibilityState === 'visible' && document.hasFocus()) return;
  try {
    const n = new Notification(options.title, { body: options.body, tag: options.tag });
    n.onclick = () => {
      window.focus();
      options.onClick();
      n.close();
    };
  } catch {
    // Some browsers allow notifications only from a service worker; the bell still counts.
  }
}
