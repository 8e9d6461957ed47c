import { Button, Group, Radio, Stack, Table, Text, TextInput } from '@mantine/core';
import { type KeyboardEvent, useState } from 'react';
import { searchResidents } from '../../lib/adult-api.ts';
import type { Resident } from '../../lib/types.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusBadges } from '../StatusBadges.tsx';

type Props = {
  value: Resident | null;
  onChange(r: Resident | null): void;
  /** input id (for a label elsewhere) */
  id: string;
  autoFocus?: boolean;
  error?: string;
};

/**
 * Finds a person by 宛名番号, 氏名, カナ or 生年月日 (Enter searches). One hit is chosen at once; several are
 * listed to choose from (arrow keys in the radio list).
 */
export function ResidentPicker({ value, onChange, id, autoFocus, error }: Props) {
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<Resident[] | null>(null);
  const [total, setTotal] = useState(0);
  const [busy, setBusy] = useState(false);
  const [searchError, setSearchError] = useState<unknown>(null);

  async function search() {
    const text = q.trim();
    if (!text) {
      setSearchError('宛名番号・氏名・カナ・生年月日のいずれかを入力してください。');
      return;
    }
    setBusy(true);
    setSearchError(null);
    try {
      const res = await searchResidents(text);
      setRows(res.rows);
      setTotal(res.total);
      onChange(res.rows.length === 1 ? res.rows[0]! : null);
    } catch (e) {
      setSearchError(e);
      setRows(null);
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    void search();
  }

  return (
    <Stack gap={6}>
      <Group align="flex-end" gap="xs">
        <TextInput
          id={id}
          label="宛名番号・氏名・カナ・生年月日"
          description="入力して Enter で検索（例: 1000001 / 山田 / ヤマダ / S60.1.1）"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          autoFocus={autoFocus}
          autoComplete="off"
          error={error}
          style={{ flex: 1 }}
        />
        <Button variant="default" onClick={() => void search()} loading={busy}>
          検索
        </Button>
      </Group>
      <ErrorAlert error={searchError} title="検索できません" />
      {rows && rows.length === 0 && (
        <Text size="sm" role="status">
          該当する方はいません。
        </Text>
      )}
      {rows && rows.length > 1 && (
        <Radio.Group
          label={`該当 ${total}件${total > rows.length ? `（上位${rows.length}件を表示）` : ''}: 対象の方を選んでください`}
          value={value ? String(value.id) : ''}
          onChange={(v) => onChange(rows.find((r) => String(r.id) === v) ?? null)}
        >
          <Table.ScrollContainer minWidth={560} maxHeight={260} mt={4}>
            <Table withTableBorder verticalSpacing={2} fz="sm">
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td w={32}>
                      <Radio value={String(r.id)} aria-label={`${r.name}（宛名番号 ${r.atenaNo}）`} />
                    </Table.Td>
                    <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{r.atenaNo}</Table.Td>
                    <Table.Td>
                      {r.name}
                      <Text span size="xs" c="dimmed" ml={6}>
                        {r.nameKana}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWareki(r.birthDate)}</Table.Td>
                    <Table.Td>
                      <StatusBadges status={r.status} supportMeasure={r.supportMeasure} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Radio.Group>
      )}
      {value && (rows?.length ?? 0) <= 1 && (
        <Group gap="sm" role="status">
          <Text size="sm" fw={700}>
            {value.name}
          </Text>
          <Text size="sm">{value.nameKana}</Text>
          <Text size="sm">宛名番号 {value.atenaNo}</Text>
          <Text size="sm">{formatWareki(value.birthDate)}生</Text>
          <StatusBadges status={value.status} supportMeasure={value.supportMeasure} />
        </Group>
      )}
    </Stack>
  );
}
