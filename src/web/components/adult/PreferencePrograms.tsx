import { Checkbox, Group, Kbd, Text } from '@mantine/core';
import type { KeyboardEvent, RefObject } from 'react';
import type { ProgramCode } from '../../lib/adult-api.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';

type Program = { code: ProgramCode; name: string };

const textTypes = new Set(['text', 'search', 'tel', 'number', 'email', 'password', 'url']);
const isTextEntry = (el: EventTarget) =>
  el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && textTypes.has(el.type));

/** 希望する検診: one box per program, the first nine with their number key. */
export function PreferencePrograms({
  programs,
  chosen,
  onChange,
  error,
}: {
  programs: Program[];
  chosen: ProgramCode[];
  onChange(next: ProgramCode[]): void;
  error?: string;
}) {
  return (
    <Checkbox.Group
      label="希望する検診"
      description="数字キーで選択・解除できます（入力欄以外にフォーカスがあるとき）"
      value={chosen}
      onChange={(v) => onChange(v as ProgramCode[])}
      error={error}
    >
      <Group gap="md" mt={4}>
        {programs.map((p, i) => (
          <Checkbox
            key={p.code}
            value={p.code}
            name="pref-programs"
            label={
              <>
                {i < 9 && (
                  <Kbd size="xs" mr={4} aria-hidden>
                    {i + 1}
                  </Kbd>
                )}
                {p.name}
              </>
            }
            aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
          />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

/**
 * The form's keys: Ctrl+Enter saves, 1–9 toggle the programs (outside text boxes), Enter on a program box goes
 * past the group (to 受付方法), any other Enter moves to the next field.
 */
export function usePreferenceKeys(
  formRef: RefObject<HTMLFormElement | null>,
  programs: Program[],
  toggle: (code: ProgramCode) => void,
) {
  const onEnter = useEnterToNext();
  return (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
      e.preventDefault();
      formRef.current?.requestSubmit();
      return;
    }
    if (/^[1-9]$/.test(e.key) && !e.ctrlKey && !e.altKey && !e.metaKey && !isTextEntry(e.target)) {
      const p = programs.slice(0, 9)[Number(e.key) - 1];
      if (p) {
        e.preventDefault();
        toggle(p.code);
      }
      return;
    }
    const t = e.target;
    if (
      e.key === 'Enter' &&
      !e.shiftKey &&
      !e.ctrlKey &&
      !e.altKey &&
      !e.nativeEvent.isComposing &&
      t instanceof HTMLInputElement &&
      t.name === 'pref-programs'
    ) {
      e.preventDefault();
      const radios = formRef.current?.querySelectorAll<HTMLInputElement>('input[name="pref-channel"]');
      const target = [...(radios ?? [])].find((r) => r.checked) ?? radios?.[0];
      target?.focus();
      return;
    }
    onEnter(e);
  };
}

/** The keys of usePreferenceKeys, as the form's header tells them. */
export function PreferenceKeysHint() {
  return (
    <Text size="xs" c="dimmed">
      宛名番号 <Kbd>Enter</Kbd> → 数字キー <Kbd>1</Kbd>〜<Kbd>9</Kbd> で検診 → <Kbd>Enter</Kbd> で次の項目 →
      備考で <Kbd>Enter</Kbd>（どこでも <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd>）で登録
    </Text>
  );
}
