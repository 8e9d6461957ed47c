import { Anchor, Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Birth, ChildCard } from '../../lib/child-card-api.ts';
import { formatWareki } from '../../lib/wareki.ts';

function Section({
  id,
  title,
  children,
  extra,
}: {
  id: string;
  title: string;
  children: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={id}>
      <Group gap="xs" mb="xs">
        <Title order={2} size="h5" id={id}>
          {title}
        </Title>
        {extra}
      </Group>
      {children}
    </Paper>
  );
}

function Rows({
  label,
  rows,
  head,
}: {
  label: string;
  head: string[];
  rows: Array<{ key: number | string; cells: ReactNode[] }>;
}) {
  if (!rows.length) return <Text size="sm">記録はありません。</Text>;
  return (
    <Table striped withTableBorder aria-label={label} fz="sm">
      <Table.Thead>
        <Table.Tr>
          {head.map((h) => (
            <Table.Th key={h}>{h}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            {r.cells.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
              <Table.Td key={i}>{c}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const unit = (v: number | string | null, u: string) => (v === null || v === '' ? '—' : `${v}${u}`);

/** 出生時の状況 as registered (F07-01). */
export function BirthSummary({ birth, card, action }: { birth: Birth; card: ChildCard; action?: ReactNode }) {
  const items: Array<[string, string]> = [
    ['出生時体重', birth.birthWeightG === null ? '—' : `${birth.birthWeightG.toLocaleString('ja-JP')}g`],
    ['身長', unit(birth.heightCm, 'cm')],
    ['頭囲', unit(birth.headCm, 'cm')],
    ['胸囲', unit(birth.chestCm, 'cm')],
    [
      '在胎週数',
      birth.gestationalWeeks === null ? '—' : `${birth.gestationalWeeks}週${birth.gestationalDays ?? 0}日`,
    ],
    ['分娩方法', birth.deliveryLabel || '—'],
    ['アプガー', `1分 ${unit(birth.apgar1, '点')}／5分 ${unit(birth.apgar5, '点')}`],
    ['出生順', unit(birth.birthOrder, '子')],
    ['出生時刻', birth.birthTime || '—'],
    ['医療機関', birth.institutionName || birth.birthPlace || '—'],
    ['受理', `${formatWareki(birth.receivedOn)}（${birth.receivedViaLabel}）`],
    ['母', card.mother ? `${card.mother.name}（${card.mother.atenaNo}）` : '—'],
  ];
  return (
    <Section
      id="birth-title"
      title="出生時の状況（出生連絡票）"
      extra={
        <>
          {birth.lowBirthWeight && (
            <Badge color="red" variant="light">
              低出生体重
            </Badge>
          )}
          {action}
        </>
      }
    >
      <Table withTableBorder aria-label="出生時の状況" fz="sm">
        <Table.Tbody>
          {[0, 1, 2].map((row) => (
            <Table.Tr key={row}>
              {items.slice(row * 4, row * 4 + 4).flatMap(([k, v]) => [
                <Table.Th key={`${k}-h`} w="9%">
                  {k}
                </Table.Th>,
                <Table.Td key={k}>{v}</Table.Td>,
              ])}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {card.handbooks.length > 0 && (
        <Text size="sm" mt={4}>
          母子健康手帳:{' '}
          {card.handbooks.map((h) => `${h.handbookNo}（${formatWareki(h.issuedOn)}交付）`).join('、')}
        </Text>
      )}
    </Section>
  );
}

/** 乳幼児健診 and 精密健診依頼 (F07-04…06), as recorded by those flows. */
export function CheckupsSection({ card }: { card: ChildCard }) {
  return (
    <Section id="checkups-title" title="乳幼児健診">
      <Rows
        label="乳幼児健診の結果"
        head={['健診', '受診日', '月齢', '実施', '医療機関', '判定']}
        rows={card.checkups.map((c) => ({
          key: c.id,
          cells: [
            c.checkupLabel,
            formatWareki(c.examinedOn),
            `${c.ageMonths}か月`,
            c.mode === 'group' ? '集団' : '個別',
            c.institutionName,
            c.judgementLabel,
          ],
        }))}
      />
      {card.referrals.length > 0 && (
        <Rows
          label="精密健診依頼"
          head={['依頼書番号', '依頼日', '部位', '依頼先', '結果']}
          rows={card.referrals.map((r) => ({
            key: r.id,
            cells: [
              r.referralNo,
              formatWareki(r.issuedOn),
              r.areas.join('・'),
              r.toInstitutionName,
              r.examinedOn ? formatWareki(r.examinedOn) : '未受診',
            ],
          }))}
        />
      )}
    </Section>
  );
}

/** 予防接種: the records and what is due now, from the vaccination module. */
export function VaccinationsSection({ card }: { card: ChildCard }) {
  const v = card.vaccinations;
  return (
    <Section
      id="vaccinations-title"
      title="予防接種"
      extra={
        <Anchor component={Link} to={`/vaccination?resident=${card.child.id}`} size="sm">
          予防接種の画面で見る
        </Anchor>
      }
    >
      <Rows
        label="予防接種の記録"
        head={['ワクチン', '回', '接種日', '医療機関']}
        rows={v.records.map((r) => ({
          key: r.id,
          cells: [r.vaccine, r.dose, formatWareki(r.vaccinatedOn), r.institutionName],
        }))}
      />
      {v.due.length > 0 && (
        <Text size="sm" mt={4}>
          接種時期:{' '}
          {v.due.map((d) => `${d.vaccine} ${d.dose}${d.status === 'overdue' ? '（遅れ）' : ''}`).join('、')}
        </Text>
      )}
    </Section>
  );
}

/** フォロー対象 (follow_up_targets). */
export function FollowUpsSection({ card }: { card: ChildCard }) {
  return (
    <Section id="followups-title" title="フォロー">
      <Rows
        label="フォロー対象"
        head={['登録日', 'きっかけ', '理由', '状況']}
        rows={card.followUps.map((f) => ({
          key: f.id,
          cells: [
            formatWareki(f.registeredOn),
            f.sourceLabel,
            f.reasons.join('、'),
            f.status === 'open' ? 'フォロー中' : '終了',
          ],
        }))}
      />
    </Section>
  );
}
