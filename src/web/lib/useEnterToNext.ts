import { type KeyboardEvent, useCallback } from 'react';

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const skipTypes = new Set(['hidden', 'submit', 'button', 'reset', 'file', 'image']);

function isField(el: Element): el is Field {
  if (el instanceof HTMLInputElement) {
    if (skipTypes.has(el.type) || el.disabled || el.readOnly) return false;
    // a radio group is one stop: its checked radio, or the first one when none is checked
    if (el.type === 'radio' && el.form && el.name) {
      const group = Array.from(el.form.elements).filter(
        (x): x is HTMLInputElement =>
          x instanceof HTMLInputElement && x.type === 'radio' && x.name === el.name,
      );
      const stop = group.find((x) => x.checked) ?? group[0];
      if (stop !== el) return false;
    }
  } else if (!(el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) || el.disabled)
    return false;
  return (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0;
}

/**
 * Keyboard-first entry: put the returned handler on a <form onKeyDown>. Enter moves to the next field,
 * Shift+Enter back; Enter on the last field submits. Enter while an IME is composing is left alone,
 * and so are textareas, buttons and an open type-ahead list (which handles Enter itself).
 */
export function useEnterToNext() {
  return useCallback((e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as Element;
    if (target instanceof HTMLTextAreaElement || !isField(target)) return;
    if (target.getAttribute('aria-expanded') === 'true') return;
    const form = e.currentTarget;
    const fields = Array.from(form.elements).filter(isField);
    const i = fields.indexOf(target);
    if (i < 0) return;
    if (e.shiftKey) {
      e.preventDefault();
      fields[i - 1]?.focus();
      return;
    }
    const next = fields[i + 1];
    e.preventDefault();
    if (!next) {
      form.requestSubmit();
      return;
    }
    next.focus();
    if (next instanceof HTMLInputElement && ['text', 'tel', 'password', 'search'].includes(next.type))
      next.select();
  }, []);
}
