import { SimpleGrid, Table } from '@mantine/core';
import { appliedAtText, deliveryLabels, dueText, type ENotification } from '../../lib/e-notifications-api.ts';
import { formatPostal } from '../../lib/format.ts';
import type { PregnancyMeta } from '../../lib/maternal-api.ts';
import { formatWareki } from '../../lib/wareki.ts';

const stdTbLabels = { yes: '有', no: '無', unknown: '不明' } as const;
const wishLabels = { yes: '希望する', no: '希望しない' } as const;

function Rows({ label, rows }: { label: string; rows: [string, string][] }) {
  return (
    <Table withTableBorder verticalSpacing={2} fz="sm" aria-label={label}>
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th scope="row" w={150}>
              {k}
            </Table.Th>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The 届出 items as sent and the アンケート answers (labels from the pregnancy meta). */
export function ENotificationDetails({ r, meta }: { r: ENotification; meta: PregnancyMeta }) {
  const d = r.data;
  const answers: [string, string][] = meta.questions
    .filter((q) => d.questionnaire[q.code] !== undefined)
    .map((q) => {
      const a = d.questionnaire[q.code]!;
      return [q.label, q.options?.[a] ?? a];
    });
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      <Rows
        label="届出の内容"
        rows={[
          ['申請番号', `${r.applicationNo}（${appliedAtText(r.appliedAt)}）`],
          ['氏名', `${d.name}（${d.nameKana}）`],
          ['生年月日', formatWareki(d.birthDate)],
          ['住所', `${d.postalCode ? `〒${formatPostal(d.postalCode)} ` : ''}${d.address}`],
          ['電話番号', d.phone],
          ['宛名番号', d.atenaNo ?? '（記入なし）'],
          ['出産予定日・週数', dueText(d)],
          ['胎児数', String(d.fetusCount)],
          ['診断医師', d.diagnosedBy],
          ['診断医療機関', d.diagnosisInstitution],
          ['性病・結核の健診', stdTbLabels[d.stdTbCheckup]],
          ['職業', d.occupation],
          ['交付方法（届出）', deliveryLabels[d.delivery]],
          [
            '面談希望',
            d.interviewWish
              ? `${wishLabels[d.interviewWish]}${d.interviewNote ? `（${d.interviewNote}）` : ''}`
              : '（記入なし）',
          ],
          ['備考', d.note],
        ]}
      />
      <Rows label="届出時アンケート" rows={answers.length ? answers : [['アンケート', '（回答なし）']]} />
    </SimpleGrid>
  );
}
