import { NativeSelect } from '@mantine/core';
import { programCodes, programLabels } from '../../lib/adult-api.ts';

/** 検診 choice of a search: 「すべて」 ('') or one program. */
export function ProgramSelect({ value, onChange }: { value: string; onChange(code: string): void }) {
  return (
    <NativeSelect
      label="検診"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[
        { value: '', label: 'すべて' },
        ...programCodes.map((c) => ({ value: c, label: programLabels[c] })),
      ]}
    />
  );
}
