import { Alert, Button, Table } from '@mantine/core';

type Props = {
  /** The record from `ApiError.current` (any object: only the `labels` keys are read). */
  current: object;
  labels: Record<string, string>;
  /** Loads the stored values into the form (discarding the input). */
  onLoad?: () => void;
};

const show = (v: unknown) =>
  typeof v === 'boolean' ? (v ? 'はい' : 'いいえ') : Array.isArray(v) ? v.join('、') : String(v ?? '');

/** The values now stored on the server after a VERSION_CONFLICT (the user's input stays in the form). */
export function ConflictCurrent({ current, labels, onLoad }: Props) {
  return (
    <Alert color="orange" variant="light" title="現在登録されている内容">
      <Table withTableBorder verticalSpacing={2} fz="sm" aria-label="現在登録されている内容">
        <Table.Tbody>
          {Object.entries(labels).map(([k, label]) => (
            <Table.Tr key={k}>
              <Table.Th scope="row" w={180}>
                {label}
              </Table.Th>
              <Table.Td>{show((current as Record<string, unknown>)[k])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {onLoad && (
        <Button size="xs" variant="light" mt="xs" onClick={onLoad}>
          現在の内容を読み込む（入力を破棄）
        </Button>
      )}
    </Alert>
  );
}
