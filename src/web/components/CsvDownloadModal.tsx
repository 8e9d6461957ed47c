import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { AppModal } from './AppModal.tsx';
import { type CsvEncoding, EncodingRadio } from './EncodingRadio.tsx';

type Props = {
  title: string;
  /** the GET address of the CSV for an encoding */
  url(encoding: CsvEncoding): string;
  onClose(): void;
};

/** CSV出力 of a list as filtered now: 文字コード Shift_JIS (Excel) or UTF-8; the output is logged. */
export function CsvDownloadModal({ title, url, onClose }: Props) {
  const [encoding, setEncoding] = useState<CsvEncoding>('sjis');
  return (
    <AppModal opened onClose={onClose} title={title}>
      <Stack gap="sm">
        <EncodingRadio value={encoding} onChange={setEncoding} />
        <Text size="xs" c="dimmed">
          いまの絞り込みの行をすべて出力します。出力はアクセスログに記録されます。
        </Text>
        <Group>
          <Button component="a" href={url(encoding)} download onClick={onClose}>
            CSV出力
          </Button>
          <Button variant="default" onClick={onClose}>
            閉じる
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
