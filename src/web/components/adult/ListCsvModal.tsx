import { Button, Checkbox, Group, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { entryCsvColumns, type TargetList } from '../../lib/adult-api.ts';
import { queryString } from '../../lib/api.ts';
import { AppModal } from '../AppModal.tsx';
import { type CsvEncoding, EncodingRadio } from '../EncodingRadio.tsx';

type Props = { list: TargetList; programName(code: string): string; onClose(): void };

/** CSV出力 of a list (for review or an outside printer): columns, 文字コード, 送付のみ / すべて. */
export function ListCsvModal({ list, programName, onClose }: Props) {
  const all = [
    ...entryCsvColumns,
    ...list.programs.map((p) => ({ key: `program_${p}`, label: `${programName(p)}（判定）` })),
  ];
  const [columns, setColumns] = useState<string[]>(all.map((c) => c.key));
  const [encoding, setEncoding] = useState<CsvEncoding>('sjis');
  const [scope, setScope] = useState<'included' | 'all'>('included');
  const ordered = all.map((c) => c.key).filter((k) => columns.includes(k));
  const href = `/api/adult/lists/${list.id}/csv${queryString({
    encoding,
    columns: ordered.join(','),
    included: scope === 'included' ? 'true' : undefined,
  })}`;

  return (
    <AppModal opened onClose={onClose} title="CSV出力" size="lg">
      <Stack gap="sm">
        <Radio.Group
          label="出力する方"
          value={scope}
          onChange={(v) => setScope(v === 'all' ? 'all' : 'included')}
        >
          <Group gap="md" mt={4}>
            <Radio value="included" label="送付のみ" />
            <Radio value="all" label="すべて（除外を含む）" />
          </Group>
        </Radio.Group>
        <EncodingRadio value={encoding} onChange={setEncoding} />
        <Checkbox.Group label="出力する列" value={columns} onChange={setColumns}>
          <Group gap="sm" mt={4}>
            {all.map((c) => (
              <Checkbox
                key={c.key}
                value={c.key}
                label={c.label}
                aria-label={`出力列 ${c.label}`}
                size="xs"
              />
            ))}
          </Group>
        </Checkbox.Group>
        <Group gap="xs">
          <Button size="compact-xs" variant="subtle" onClick={() => setColumns(all.map((c) => c.key))}>
            すべて選択
          </Button>
          <Button size="compact-xs" variant="subtle" onClick={() => setColumns([])}>
            すべて解除
          </Button>
        </Group>
        {!ordered.length && (
          <Text size="sm" c="red.9" role="alert">
            出力する列を1つ以上選んでください。
          </Text>
        )}
        <Text size="xs" c="dimmed">
          郵便番号順に出力します。支援措置対象者の住所は出力しません。出力はアクセスログに記録されます。
        </Text>
        <Group>
          {ordered.length ? (
            <Button component="a" href={href} download onClick={onClose}>
              CSV出力
            </Button>
          ) : (
            <Button disabled>CSV出力</Button>
          )}
          <Button variant="default" onClick={onClose}>
            閉じる
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
