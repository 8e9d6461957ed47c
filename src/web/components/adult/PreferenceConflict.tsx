import { Alert, Button, Group, Table, Text } from '@mantine/core';
import { type AdultSession, preferenceFormText, typedDateText } from '../../lib/adult-api.ts';
import { formatWareki } from '../../lib/wareki.ts';

/** The answer now stored, from a VERSION_CONFLICT. */
export type Conflict = {
  programs?: string[];
  wantsGroup?: boolean;
  sessionId?: number | null;
  channel?: string;
  answeredOn?: string;
  note?: string;
  version?: number;
};

type Props = {
  conflict: Conflict;
  /** what the user typed */
  input: Required<Omit<Conflict, 'version'>>;
  names: Record<string, string>;
  channels: Record<string, string>;
  sessions: AdultSession[];
  /** keepInput: take the stored version and keep the input; else load the stored answer */
  onAdopt(keepInput: boolean): void;
};

/** The stored answer next to the input after someone else saved first; the user chooses which to keep. */
export function PreferenceConflict({ conflict, input, names, channels, sessions, onAdopt }: Props) {
  const programText = (codes: string[] | undefined) => (codes ?? []).map((c) => names[c] ?? c).join('・');
  const rows: [string, string, string][] = [
    ['希望する検診', programText(conflict.programs), programText(input.programs)],
    [
      '受付方法',
      channels[conflict.channel ?? ''] ?? conflict.channel ?? '',
      channels[input.channel] ?? input.channel,
    ],
    [
      '希望形態・日程',
      preferenceFormText(conflict, sessions, names),
      preferenceFormText(input, sessions, names),
    ],
    ['回答日', formatWareki(conflict.answeredOn), typedDateText(input.answeredOn)],
    ['備考', conflict.note ?? '', input.note],
  ];
  return (
    <Alert color="orange" variant="light" title="現在登録されている内容">
      <Table withTableBorder verticalSpacing={2} fz="sm" aria-label="現在登録されている内容とあなたの入力">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>項目</Table.Th>
            <Table.Th>現在の内容</Table.Th>
            <Table.Th>あなたの入力</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([label, stored, typed]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row">{label}</Table.Th>
              <Table.Td>{stored}</Table.Td>
              <Table.Td>{typed}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" mt="xs">
        どちらを残すか選んでください。
      </Text>
      <Group gap="xs" mt={4}>
        <Button size="xs" variant="light" onClick={() => onAdopt(false)}>
          現在の内容を読み込む（入力を破棄）
        </Button>
        <Button size="xs" variant="light" onClick={() => onAdopt(true)}>
          入力内容で上書きする（このあと、もう一度登録してください）
        </Button>
      </Group>
    </Alert>
  );
}
