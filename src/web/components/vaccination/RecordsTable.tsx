import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { sourceLabels, type VaccinationRecord, vaccineName } from '../../lib/vaccination-api.ts';
import { formatWareki } from '../../lib/wareki.ts';

type Props = {
  records: VaccinationRecord[];
  deleted: VaccinationRecord[];
  canEdit: boolean;
  onEdit(r: VaccinationRecord): void;
  onDelete(r: VaccinationRecord): void;
  /** the name of a code (市町村独自の予防接種 included) */
  nameOf?: (code: string) => string;
};

/** 接種の記録 of the person, oldest first, with the check stored at saving; deleted records listed apart. */
export function RecordsTable({ records, deleted, canEdit, onEdit, onDelete, nameOf = vaccineName }: Props) {
  return (
    <Paper withBorder p="sm" component="section" aria-label="接種の記録">
      <Title order={2} size="h5" mb="xs">
        接種の記録（{records.length}件）
      </Title>
      {records.length === 0 ? (
        <Text size="sm">記録はありません。</Text>
      ) : (
        <Table.ScrollContainer minWidth={900} type="native" tabIndex={0} aria-label="接種の記録の表">
          <Table withTableBorder striped verticalSpacing={2} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>接種日</Table.Th>
                <Table.Th>ワクチン</Table.Th>
                <Table.Th>回</Table.Th>
                <Table.Th>製品・ロット</Table.Th>
                <Table.Th>実施機関・医師</Table.Th>
                <Table.Th>予診票番号</Table.Th>
                <Table.Th>出所</Table.Th>
                <Table.Th>点検</Table.Th>
                {canEdit && <Table.Th>操作</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {records.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWareki(r.vaccinatedOn)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{nameOf(r.vaccine)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.dose}</Table.Td>
                  <Table.Td>{[r.product, r.lot].filter(Boolean).join(' / ')}</Table.Td>
                  <Table.Td>{[r.institutionName, r.doctor].filter(Boolean).join(' / ')}</Table.Td>
                  <Table.Td>{r.formNo}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{sourceLabels[r.source]}</Table.Td>
                  <Table.Td>
                    {r.routine ? (
                      <Badge color="teal.9" variant="dot" radius="sm" miw="fit-content">
                        定期接種
                      </Badge>
                    ) : r.issues.length === 0 ? (
                      <Badge color="indigo.9" variant="dot" radius="sm" miw="fit-content">
                        任意接種助成
                      </Badge>
                    ) : (
                      <Text size="xs">警告: {r.issues.map((i) => i.message).join(' / ')}</Text>
                    )}
                  </Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="default"
                          onClick={() => onEdit(r)}
                          aria-label={`${formatWareki(r.vaccinatedOn)}の${nameOf(r.vaccine)}を修正`}
                        >
                          修正
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="default"
                          color="red"
                          onClick={() => onDelete(r)}
                          aria-label={`${formatWareki(r.vaccinatedOn)}の${nameOf(r.vaccine)}を削除`}
                        >
                          削除
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {deleted.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          削除した記録:{' '}
          {deleted
            .map((r) => `${formatWareki(r.vaccinatedOn)} ${nameOf(r.vaccine)}（理由: ${r.deleteReason}）`)
            .join('、')}
        </Text>
      )}
    </Paper>
  );
}
