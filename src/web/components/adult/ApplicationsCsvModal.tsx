import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { type ApplicationFilter, applicationsCsvUrl } from '../../lib/applications-api.ts';
import { AppModal } from '../AppModal.tsx';
import { type CsvEncoding, EncodingRadio } from '../EncodingRadio.tsx';

/** CSV出力 of the 申込一覧 as filtered now: 文字コード Shift_JIS (Excel) or UTF-8. */
export function ApplicationsCsvModal({ filter, onClose }: { filter: ApplicationFilter; onClose(): void }) {
  const [encoding, setEncoding] = useState<CsvEncoding>('sjis');
  return (
    <AppModal opened onClose={onClose} title="申込一覧のCSV出力">
      <Stack gap="sm">
        <EncodingRadio value={encoding} onChange={setEncoding} />
        <Text size="xs" c="dimmed">
          いまの絞り込みの申込をすべて出力します。出力はアクセスログに記録されます。
        </Text>
        <Group>
          <Button component="a" href={applicationsCsvUrl(filter, encoding)} download onClick={onClose}>
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
