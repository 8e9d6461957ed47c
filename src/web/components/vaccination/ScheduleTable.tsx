import { Badge, Group, Paper, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formStatuses } from '../../../server/modules/vaccination/form-payload.ts';
import type { MunicipalDoseSchedule } from '../../../server/modules/vaccination/municipal-rules.ts';
import type { DoseSchedule } from '../../../server/modules/vaccination/types.ts';
import { statusLabels, vaccineName } from '../../lib/vaccination-api.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { FormPrint } from './FormPrint.tsx';

/** A municipal dose that can be given now (and is subsidised): 接種可能. */
const municipalDue = { label: '接種可能', color: 'blue.9' };

const span = (from: string | null, to: string | null) =>
  from || to ? `${formatWareki(from)}〜${to ? formatWareki(to) : ''}` : '—';

/**
 * 接種スケジュール (the engine's answer for today): per vaccine and 回, the status in Japanese, 定期接種の期間 and
 * 標準的な期間 in 和暦, 最短日 (given the history) and the reasons. 対象外 rows are hidden unless asked for.
 * With `formFor` (the person, when the user may print), a dose that can be given now has 「予診票を印刷」 (F10a-03).
 */
export function ScheduleTable({
  schedule,
  on,
  formFor = null,
  municipal = false,
  nameOf = vaccineName,
}: {
  schedule: Array<DoseSchedule | MunicipalDoseSchedule>;
  on: string;
  formFor?: number | null;
  /** 市町村独自の予防接種 (任意接種助成): its own title, 助成対象期間, no 予診票 */
  municipal?: boolean;
  nameOf?: (code: string) => string;
}) {
  const [all, setAll] = useState(false);
  const title = municipal ? '市町村独自の予防接種（任意接種助成）' : '接種スケジュール';
  const rows = all ? schedule : schedule.filter((r) => r.status !== 'not_eligible');
  return (
    <Paper withBorder p="sm" component="section" aria-label={title}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          {title}（{formatWareki(on)}現在）
        </Title>
        <Switch
          label={municipal ? '対象にならない助成も表示' : '対象外の接種も表示'}
          checked={all}
          onChange={(e) => setAll(e.currentTarget.checked)}
        />
      </Group>
      <Table.ScrollContainer minWidth={900} type="native" tabIndex={0} aria-label={`${title}の表`}>
        <Table withTableBorder striped verticalSpacing={2} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>ワクチン</Table.Th>
              <Table.Th>回</Table.Th>
              <Table.Th>状況</Table.Th>
              <Table.Th>{municipal ? '助成対象期間' : '定期接種の期間'}</Table.Th>
              {!municipal && <Table.Th>標準的な期間</Table.Th>}
              <Table.Th>最短日</Table.Th>
              <Table.Th>接種日</Table.Th>
              <Table.Th>理由・説明</Table.Th>
              {formFor !== null && <Table.Th>予診票</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const s = municipal && r.status === 'due' ? municipalDue : statusLabels[r.status];
              return (
                <Table.Tr key={`${r.vaccine}-${r.dose}`} data-vaccine={r.vaccine}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{nameOf(r.vaccine)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.dose}</Table.Td>
                  <Table.Td>
                    <Badge
                      color={s.color}
                      variant="dot"
                      radius="sm"
                      miw="fit-content"
                      styles={{ label: { overflow: 'visible' } }}
                    >
                      {s.label}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{span(r.legalFrom, r.legalTo)}</Table.Td>
                  {!municipal && (
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{span(r.standardFrom, r.standardTo)}</Table.Td>
                  )}
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWareki(r.earliest) || '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWareki(r.givenOn)}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{r.reasons.join(' / ')}</Text>
                  </Table.Td>
                  {formFor !== null && (
                    <Table.Td>
                      {formStatuses.includes(r.status) && !('municipal' in r) && (
                        <FormPrint residentId={formFor} row={r} />
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
