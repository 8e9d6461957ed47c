import {
  Alert,
  Anchor,
  Badge,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { StatusBadges } from '../components/StatusBadges.tsx';
import { ReliefEditForm } from '../components/vaccination/relief/ReliefEditForm.tsx';
import { ForwardLetterPrint, NoticePrint } from '../components/vaccination/relief/ReliefPrints.tsx';
import {
  ReliefDocuments,
  ReliefRecords,
} from '../components/vaccination/relief/ReliefRecordsAndDocuments.tsx';
import { DecisionForm, ForwardForm, WithdrawForm } from '../components/vaccination/relief/ReliefSteps.tsx';
import { VaccinationNav } from '../components/vaccination/VaccinationNav.tsx';
import type { Resident } from '../lib/types.ts';
import { categoryLabels, reliefApi, reliefKeys, statusColors } from '../lib/vaccination-relief-api.ts';
import { formatWareki } from '../lib/wareki.ts';

/**
 * The case file of a 予防接種健康被害救済 claim (F11a-05): the person (also when deceased), the 請求者, the claim,
 * the vaccinations attached, the 請求書類 checklist, the timeline in 和暦 and the steps possible now (進達 →
 * 認定・否認, 取下げ) with the 進達書 and the notice to the claimant.
 */
export function ReliefCaseScreen() {
  const id = Number(useParams().id);
  const q = useQuery({ queryKey: reliefKeys.file(id), queryFn: () => reliefApi.view(id), enabled: id > 0 });
  const file = q.data;
  const c = file?.case;
  const open = c ? c.status === 'received' || c.status === 'forwarded' : false;
  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        健康被害救済の請求{c ? ` ${c.caseNo}` : ''}
      </Title>
      <VaccinationNav />
      <Anchor component={Link} to="/vaccination/relief" size="sm">
        ← 請求の一覧へ
      </Anchor>
      <ErrorAlert error={q.error} />
      {q.isPending && <Loader size="sm" aria-label="読み込み中" />}
      {file && c && (
        <>
          <Paper withBorder p="sm" component="section" aria-label="請求の概要">
            <Group gap="md" mb="xs">
              <Badge color={statusColors[c.status]} size="lg" radius="sm" variant="filled">
                {c.statusLabel}
              </Badge>
              <Text fw={700}>受付番号 {c.caseNo}</Text>
              <Text size="sm">受理日 {formatWareki(c.receivedOn)}</Text>
            </Group>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              <Table withTableBorder fz="sm" aria-label="被接種者と請求者">
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w={130}>被接種者</Table.Th>
                    <Table.Td>
                      <Group gap="xs">
                        <Anchor component={Link} to={`/residents/${file.person.id}`}>
                          {file.person.name}
                        </Anchor>
                        <Text span size="xs" c="dimmed">
                          {file.person.atenaNo}・{formatWareki(file.person.birthDate)}生
                          {file.person.deathOn ? `・${formatWareki(file.person.deathOn)}死亡` : ''}
                        </Text>
                        <StatusBadges
                          status={file.person.status as Resident['status']}
                          supportMeasure={false}
                        />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>請求者</Table.Th>
                    <Table.Td>
                      {c.claimantName}
                      {c.claimantRelation ? `（${c.claimantRelation}）` : ''}
                      <Text size="xs" c="dimmed">
                        〒{c.claimantPostalCode} {c.claimantAddress}{' '}
                        {c.claimantPhone && `電話 ${c.claimantPhone}`}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
              <Table withTableBorder fz="sm" aria-label="請求の内容">
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w={130}>予防接種</Table.Th>
                    <Table.Td>
                      {c.vaccineName}（{categoryLabels[c.category]}）
                      {c.vaccinatedOn ? ` ${formatWareki(c.vaccinatedOn)}接種` : ''}
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>請求した給付</Table.Th>
                    <Table.Td>{c.benefitLabels.join('、')}</Table.Td>
                  </Table.Tr>
                  {c.status === 'recognized' && (
                    <Table.Tr>
                      <Table.Th>認定された給付</Table.Th>
                      <Table.Td>{c.recognizedLabels.join('、')}</Table.Td>
                    </Table.Tr>
                  )}
                  <Table.Tr>
                    <Table.Th>症状・経過</Table.Th>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{c.symptoms}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </SimpleGrid>
          </Paper>
          {file.warnings.length > 0 && (
            <Alert color="orange" variant="light" p="xs" title="確認してください（請求期限・給付の制限）">
              <List size="sm">
                {file.warnings.map((w) => (
                  <List.Item key={w}>{w}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Paper withBorder p="sm" component="section" aria-label="経過">
            <Title order={2} size="h5" mb="xs">
              経過
            </Title>
            <Table withTableBorder fz="sm" aria-label="経過の一覧">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={200}>日付</Table.Th>
                  <Table.Th w={240}>手続</Table.Th>
                  <Table.Th>内容</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {file.timeline.map((t) => (
                  <Table.Tr key={t.step}>
                    <Table.Td>{formatWareki(t.date)}</Table.Td>
                    <Table.Td>{t.label}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{t.note}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          {file.steps.includes('forward') && <ForwardForm key={`f${c.id}`} file={file} />}
          {file.steps.includes('decide') && <DecisionForm key={`d${c.id}`} file={file} />}
          {c.forwardedOn && <ForwardLetterPrint file={file} />}
          {(c.status === 'recognized' || c.status === 'denied') && <NoticePrint file={file} />}
          <ReliefRecords key={`r${c.id}`} file={file} editable={c.status !== 'withdrawn'} />
          <ReliefDocuments key={`doc${c.id}-${c.benefits.join()}`} file={file} editable={open} />
          {open && <ReliefEditForm key={`e${c.id}`} file={file} />}
          {file.steps.includes('withdraw') && <WithdrawForm key={`w${c.id}`} file={file} />}
        </>
      )}
    </Stack>
  );
}
