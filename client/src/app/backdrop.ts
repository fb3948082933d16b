/**
 * Whether a click closes a dialog: on its backdrop, and not the second click of a double-click
 * (the first opened the dialog; the second would otherwise land on its backdrop).
 */
export function isBackdropClick(e: MouseEvent): boolean {
  return e.target === e.currentTarget && e.detail <= 1;
}
