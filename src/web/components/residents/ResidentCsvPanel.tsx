import { Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { queryString } from '../../lib/api.ts';
import { residentCsvColumns } from '../../lib/labels.ts';
import { type CsvEncoding, EncodingRadio } from '../EncodingRadio.tsx';

/** CSV出力 of the same search: columns and 文字コード chosen here; the browser downloads the file. */
export function ResidentCsvPanel({ filters }: { filters: Record<string, string> }) {
  const [columns, setColumns] = useState<string[]>(residentCsvColumns.map((c) => c.key));
  const [open, setOpen] = useState(false);
  const [encoding, setEncoding] = useState<CsvEncoding>('utf8');
  const ordered = residentCsvColumns.map((c) => c.key).filter((k) => columns.includes(k));
  const href = `/api/residents/export${queryString({ ...filters, columns: ordered.join(','), encoding })}`;

  return (
    <Paper withBorder p="sm" component="section" aria-label="CSV出力の設定">
      <Stack gap="xs">
        <Text fw={700}>CSV出力</Text>
        <EncodingRadio value={encoding} onChange={setEncoding} />
        <Group>
          {ordered.length ? (
            <Button component="a" href={href} download>
              CSV出力
            </Button>
          ) : (
            <Button disabled>CSV出力</Button>
          )}
          <Button variant="subtle" size="compact-sm" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {open ? '列の選択を閉じる' : `列を選ぶ（${ordered.length}列）`}
          </Button>
          <Text size="xs" c="dimmed">
            表示中の検索条件に該当するすべての方を出力します（出力はアクセスログに記録されます）。
          </Text>
        </Group>
        {open && (
          <>
            <Checkbox.Group label="出力する列" value={columns} onChange={setColumns}>
              <Group gap="sm" mt={4}>
                {residentCsvColumns.map((c) => (
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
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setColumns(residentCsvColumns.map((c) => c.key))}
              >
                すべて選択
              </Button>
              <Button size="compact-xs" variant="subtle" onClick={() => setColumns([])}>
                すべて解除
              </Button>
            </Group>
          </>
        )}
        {!ordered.length && (
          <Text size="sm" c="red.9">
            出力する列を1つ以上選んでください。
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
