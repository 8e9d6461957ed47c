import { Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { ImportRowError } from '../../lib/types.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

/** エラー一覧 of a 住民記録取込 job: 行, 列, 値, 内容 (first 1,000). */
export function ImportErrors({ jobId }: { jobId: number }) {
  const q = useQuery({
    queryKey: ['import-errors', jobId],
    queryFn: () => api.get<{ errors: ImportRowError[] }>(`/api/residents/imports/${jobId}/errors`),
  });
  if (q.isPending) return <Loader size="sm" aria-label="読み込み中" />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const errors = q.data.errors;
  if (!errors.length) return <Text size="sm">エラーはありません。</Text>;
  return (
    <>
      <Text size="sm" mb={4}>
        {errors.length >= 1000 ? '先頭1,000件を表示しています。' : `${errors.length}件`}
      </Text>
      <Table.ScrollContainer minWidth={600} mah={360}>
        <Table striped withTableBorder verticalSpacing={2} fz="sm" aria-label="エラー一覧" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>行</Table.Th>
              <Table.Th w={160}>列</Table.Th>
              <Table.Th w={200}>値</Table.Th>
              <Table.Th>内容</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.rowNo}</Table.Td>
                <Table.Td>{e.column}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{e.value}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
