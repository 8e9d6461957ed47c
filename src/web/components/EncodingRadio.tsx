import { Group, Radio } from '@mantine/core';

export type CsvEncoding = 'utf8' | 'sjis';

/** 文字コード of a CSV download: UTF-8 or Shift_JIS (for Excel). */
export function EncodingRadio({ value, onChange }: { value: CsvEncoding; onChange(v: CsvEncoding): void }) {
  return (
    <Radio.Group label="文字コード" value={value} onChange={(v) => onChange(v === 'sjis' ? 'sjis' : 'utf8')}>
      <Group gap="md" mt={4}>
        <Radio value="utf8" label="UTF-8" />
        <Radio value="sjis" label="Shift_JIS (Excel)" />
      </Group>
    </Radio.Group>
  );
}
