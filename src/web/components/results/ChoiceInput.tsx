import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';

export type Choice = { code: string; label: string };

/** What a typed text picks: its number in the list (1, 2 …), the code, or the label (or its start). */
export function pickChoice(choices: Choice[], text: string): Choice | null {
  const t = text.normalize('NFKC').trim();
  if (t === '') return null;
  if (/^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= choices.length && !choices.some((c) => c.code === t))
    return choices[Number(t) - 1]!;
  return (
    choices.find((c) => c.code === t || c.label.normalize('NFKC') === t) ??
    choices.find((c) => c.label.normalize('NFKC').startsWith(t)) ??
    null
  );
}

/** What the field shows for a value set from outside (a loaded result, a suggested 判定): what one types for it. */
function tokenOf(choices: Choice[], code: string): string {
  const i = choices.findIndex((c) => c.code === code);
  if (i < 0) return '';
  return choices.some((c) => /^\d+$/.test(c.code)) ? code : String(i + 1);
}

type Props = {
  label: string;
  choices: Choice[];
  value: string;
  onChange(code: string): void;
  error?: string;
  required?: boolean;
  autoFocus?: boolean;
  id?: string;
};

/**
 * A choice typed on the 10-key pad: the number of the option (shown under the field), its code or the start of
 * its label; the chosen label shows beside. Enter moves on (the form's enter-to-next).
 */
export function ChoiceInput({ label, choices, value, onChange, error, required, autoFocus, id }: Props) {
  const chosen = choices.find((c) => c.code === value) ?? null;
  const numbered = choices.some((c) => /^\d+$/.test(c.code));
  const [text, setText] = useState(() => tokenOf(choices, value));
  useEffect(() => {
    // a text that picks nothing stands for '' (typing under way: kept, also when this runs after mount)
    setText((t) => {
      const picked = pickChoice(choices, t);
      return picked?.code === value || (!picked && value === '') ? t : tokenOf(choices, value);
    });
  }, [value, choices]);
  const hint = choices.map((c, i) => (numbered ? c.label : `${i + 1} ${c.label}`)).join(' / ');
  const unknown = text.trim() !== '' && !pickChoice(choices, text);
  return (
    <TextInput
      id={id}
      label={label}
      description={hint}
      value={text}
      required={required}
      autoFocus={autoFocus}
      autoComplete="off"
      inputMode={numbered || choices.length < 10 ? 'numeric' : undefined}
      rightSectionWidth={chosen ? Math.min(260, 16 + chosen.label.length * 14) : undefined}
      rightSection={
        chosen ? (
          <span aria-hidden style={{ fontSize: 13, whiteSpace: 'nowrap', paddingRight: 8 }}>
            {chosen.label}
          </span>
        ) : null
      }
      error={unknown ? `「${text}」は選べません。番号か名称で入力してください。` : error}
      onChange={(e) => {
        const t = e.currentTarget.value;
        setText(t);
        const c = pickChoice(choices, t);
        onChange(c ? c.code : '');
      }}
    />
  );
}
