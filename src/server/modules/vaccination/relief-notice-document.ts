/**
 * 予防接種健康被害救済の帳票 (F11a-05):
 * - 認定・否認の通知: an A4 letter to the 請求者 (window envelope: the claimant's name and address), the 市町村名 and
 *   市長 of the 自治体設定 as issuer, the claim (受付番号, 被接種者, ワクチン, 接種日, 請求した給付) and the result; a
 *   denial tells that a 審査請求 to the 都道府県知事 is possible (§7);
 * - 進達書: the cover letter to the prefecture listing the case and the documents forwarded with it.
 * Both are pure functions of their payload (dates already in 和暦).
 */
import {
  addressBlock,
  dateLine,
  documentTitle,
  issuerLine,
  senderBlock,
} from '../../platform/documents/letter.ts';
import type { DocumentTemplate } from '../../platform/documents/types.ts';

const left = 20;
const width = 170;

/** The claim as both documents print it (dates in 和暦). */
export type ReliefClaimLines = {
  caseNo: string;
  personName: string;
  personBirthDate: string;
  vaccine: string;
  category: string;
  vaccinatedOn: string;
  claimant: string;
  receivedOn: string;
  benefits: string[];
};

export type ReliefNoticePayload = ReliefClaimLines & {
  caseId: number;
  result: 'recognized' | 'denied';
  decidedOn: string;
  recognized: string[];
  note: string;
};

export type ReliefForwardPayload = ReliefClaimLines & {
  addressee: string;
  forwardedOn: string;
  symptoms: string;
  documents: { label: string; receivedOn: string }[];
  note: string;
};

const claimRows = (p: ReliefClaimLines): string[][] => [
  ['受付番号', p.caseNo],
  ['被接種者', `${p.personName}（${p.personBirthDate}生）`],
  ['予防接種', `${p.vaccine}（${p.category}）`],
  ['接種日', p.vaccinatedOn],
  ['請求者', p.claimant],
  ['請求書受理日', p.receivedOn],
  ['請求した給付', p.benefits.join('、')],
];

const table = (rows: string[][]) => ({
  columns: [
    { header: '項目', width: 40 },
    { header: '内容', width: 130 },
  ],
  rows,
  rowHeight: 8,
  size: 9.5,
});

export const reliefNoticeTemplate: DocumentTemplate<ReliefNoticePayload> = {
  code: 'vaccination.relief-notice',
  title: '予防接種健康被害救済 認定・否認通知',
  render(layout, item, ctx) {
    const p = item.payload;
    const recognized = p.result === 'recognized';
    layout.newPage();
    addressBlock(layout, item.recipient);
    dateLine(layout, ctx.issueDate, 190, 18);
    issuerLine(layout, ctx.sender, 190, 24);
    senderBlock(layout, ctx.sender, 120, 34);
    let y = 72;
    y +=
      documentTitle(layout, `予防接種健康被害救済給付の${recognized ? '認定' : '否認'}について（通知）`, y, {
        size: 14,
      }) + 5;
    y +=
      layout.text(
        left,
        y,
        `${item.recipient.name} 様から請求のあった予防接種法による健康被害救済給付について、厚生労働大臣による審査の結果、` +
          (recognized
            ? '次のとおり認定されましたので通知します。'
            : '次のとおり否認（認定されない）と決定されましたので通知します。'),
        { size: 10.5, width, lineGap: 2 },
      ) + 5;
    y += layout.table(left, y, table(claimRows(p)));
    y += 4;
    y += layout.table(
      left,
      y,
      table([
        ['決定', recognized ? '認定' : '否認'],
        ['決定日', p.decidedOn],
        ...(recognized ? [['認定された給付', p.recognized.join('、')]] : []),
        ...(p.note ? [['備考', p.note]] : []),
      ]),
    );
    y += 6;
    const tail = recognized
      ? '給付の額・支給の手続については、別にお知らせします。'
      : 'この決定に不服がある場合は、都道府県知事に審査請求をすることができます。';
    y += layout.text(left, y, tail, { size: 10, width, lineGap: 2 }) + 4;
    layout.text(
      left,
      Math.min(Math.max(y, 240), 262),
      `お問い合わせ: ${ctx.sender.centerName}（${ctx.sender.centerPhone}）`,
      {
        size: 8.5,
        width,
      },
    );
  },
};

export const reliefForwardTemplate: DocumentTemplate<ReliefForwardPayload> = {
  code: 'vaccination.relief-forward',
  title: '予防接種健康被害救済 進達書',
  render(layout, item, ctx) {
    const p = item.payload;
    layout.newPage();
    dateLine(layout, ctx.issueDate, 190, 18);
    layout.text(left, 30, `${p.addressee}　様`, { size: 12, width: 100 });
    issuerLine(layout, ctx.sender, 190, 38, { size: 11 });
    let y = 56;
    y += documentTitle(layout, '予防接種健康被害救済給付の請求について（進達）', y, { size: 14 }) + 5;
    y +=
      layout.text(
        left,
        y,
        '予防接種法に基づく健康被害救済給付の請求を受理しましたので、関係書類を添えて進達します。',
        { size: 10.5, width, lineGap: 2 },
      ) + 5;
    y += layout.table(left, y, table([...claimRows(p), ['進達日', p.forwardedOn]]));
    y += 3;
    if (p.symptoms)
      y += layout.text(left, y, `症状・経過の概要: ${p.symptoms}`, { size: 9.5, width, lineGap: 1 }) + 3;
    y += 2;
    y += layout.text(left, y, '添付書類', { size: 11, bold: true }) + 1;
    const docs = p.documents.length ? p.documents : [{ label: '（記録なし）', receivedOn: '' }];
    y += layout.table(left, y, {
      columns: [
        { header: '番号', width: 14 },
        { header: '書類', width: 116 },
        { header: '受理日', width: 40 },
      ],
      rows: docs.map((d, i) => [String(i + 1), d.label, d.receivedOn]),
      rowHeight: 7,
      size: 8.5,
    });
    if (p.note) y += layout.text(left, y + 4, `備考: ${p.note}`, { size: 9.5, width }) + 4;
    senderBlock(layout, ctx.sender, 110, Math.min(Math.max(y + 8, 230), 255));
  },
};
