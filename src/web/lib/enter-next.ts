import type { KeyboardEvent } from 'react';

/**
 * Enter moves to the next entry field (elements marked `data-entry`, in page order) as on paper-form entry
 * systems; on the last one it calls `onLast` (save). Not while an IME is composing, not in a textarea,
 * and Shift+Enter goes back.
 */
export function enterToNext(e: KeyboardEvent<HTMLElement>, onLast: () => void): void {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
  const target = e.target as HTMLElement;
  if (target.tagName !== 'INPUT') return;
  e.preventDefault();
  const fields = [...e.currentTarget.querySelectorAll<HTMLInputElement>('input[data-entry]:not([disabled])')];
  const i = fields.indexOf(target as HTMLInputElement);
  const next = fields[e.shiftKey ? i - 1 : i + 1];
  if (next) {
    next.focus();
    next.select();
  } else if (!e.shiftKey) onLast();
}
