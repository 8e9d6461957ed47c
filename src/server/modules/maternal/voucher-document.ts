/**
 * 受診券の組 (F06-01 「受診券・バーコード印字」) and the 妊娠届出書 record sheet. Vouchers: three per A4 page, each
 * with the mother (氏名, 生年月日, 宛名番号), the 出産予定日, the voucher kind and 回, the 助成上限, the 自治体名 and the
 * 受診券ID as text and Code 128 (the 医療機関 and the result entry scan it). The record sheet: the 届出 items of
 * 施行規則第3条 (maternal-child-vaccination-pmh.md §4.1) with the 個人番号 masked, the handbooks and the flags.
 */
import { dateLine, documentTitle, issuerLine } from '../../platform/documents/letter.ts';
import type { DocumentTemplate } from '../../platform/documents/types.ts';

export type VoucherSetPayload = {
  name: string;
  nameKana: string;
  birthDate: string;
  atenaNo: string;
  dueDate: string;
  notificationNo: string;
  vouchers: { voucherNo: string; kindLabel: string; seq: number; limitYen: number | null }[];
};

export type NotificationSheetPayload = {
  notificationNo: string;
  notifiedOn: string;
  source: string;
  name: string;
  nameKana: string;
  birthDate: string;
  age: number;
  atenaNo: string;
  address: string;
  myNumberMasked: string;
  occupation: string;
  dueDate: string;
  weeksLabel: string;
  month: number;
  fetusCount: number;
  diagnosedBy: string;
  stdTbCheckup: string;
  handbooks: string[];
  answers: [string, string][];
  flags: string[];
  specificPregnant: boolean;
};

const left = 20;
const width = 170;
const slot = 92;

export const voucherSetTemplate: DocumentTemplate<VoucherSetPayload> = {
  code: 'maternal.vouchers',
  title: '妊婦健康診査受診券',
  render(layout, item, ctx) {
    const p = item.payload;
    p.vouchers.forEach((v, i) => {
      if (i % 3 === 0) layout.newPage();
      const y = 12 + (i % 3) * slot;
      layout.rect({ x: left - 2, y: y - 2, w: width + 4, h: slot - 6 });
      layout.text(left, y, `${v.kindLabel}受診券（第${v.seq}回）`, { size: 13, bold: true, width: 110 });
      layout.text(left + 112, y, ctx.sender.municipalityName, { size: 9, width: 58, align: 'right' });
      layout.table(left, y + 9, {
        columns: [
          { header: '氏名', width: 56 },
          { header: '生年月日', width: 30 },
          { header: '宛名番号', width: 30 },
          { header: '出産予定日', width: 30 },
          { header: '助成上限', width: 24 },
        ],
        rows: [
          [
            `${p.name}（${p.nameKana}）`,
            p.birthDate,
            p.atenaNo,
            p.dueDate,
            v.limitYen === null ? '公費負担' : `${v.limitYen.toLocaleString('ja-JP')}円`,
          ],
        ],
        rowHeight: 8,
        size: 8.5,
      });
      layout.text(left, y + 30, `受診券ID ${v.voucherNo}`, { size: 11, bold: true, width: 80 });
      layout.code128(left + 90, y + 28, v.voucherNo, { heightMm: 12, moduleMm: 0.33 });
      layout.text(
        left,
        y + 46,
        `妊娠届 ${p.notificationNo}。医療機関で母子健康手帳とともに提出してください。助成上限を超えた分は自己負担です。` +
          '医療機関記入欄: 受診日　　年　　月　　日　　医療機関名',
        { size: 8, width },
      );
      dateLine(layout, ctx.issueDate, 190, y + 70, { size: 8 });
      issuerLine(layout, ctx.sender, 190, y + 75, { size: 8 });
    });
  },
};

export const notificationSheetTemplate: DocumentTemplate<NotificationSheetPayload> = {
  code: 'maternal.notification',
  title: '妊娠届出書（記録票）',
  render(layout, item, ctx) {
    const p = item.payload;
    layout.newPage();
    dateLine(layout, ctx.issueDate, 190, 12, { size: 9 });
    issuerLine(layout, ctx.sender, 190, 17, { size: 9 });
    let y = 26;
    y += documentTitle(layout, `妊娠届出書（記録票） ${p.notificationNo}`, y) + 4;
    const rows: [string, string][] = [
      ['届出年月日', `${p.notifiedOn}（${p.source}）`],
      ['氏名', `${p.name}（${p.nameKana}）`],
      ['生年月日・年齢', `${p.birthDate}（${p.age}歳）`],
      ['宛名番号', p.atenaNo],
      ['個人番号', p.myNumberMasked],
      ['居住地', p.address],
      ['職業', p.occupation || '—'],
      ['出産予定日', p.dueDate],
      ['届出時の妊娠週数・月数', `${p.weeksLabel}（妊娠${p.month}か月）`],
      ['胎児数', String(p.fetusCount)],
      ['診断した医師・助産師', p.diagnosedBy || '—'],
      ['性病・結核の健康診断', p.stdTbCheckup],
      ['母子健康手帳', p.handbooks.join('、') || '—'],
      ['リスク要因', p.flags.join('、') || 'なし'],
      ['特定妊婦', p.specificPregnant ? '該当' : '—'],
    ];
    y += layout.table(left, y, {
      columns: [
        { header: '項目', width: 50 },
        { header: '内容', width: 120 },
      ],
      rows,
      rowHeight: 7,
      size: 9,
    });
    y += 5;
    layout.text(left, y, '届出時アンケート', { size: 10, bold: true });
    layout.table(left, y + 6, {
      columns: [
        { header: '質問', width: 110 },
        { header: '回答', width: 60 },
      ],
      rows: p.answers.length ? p.answers : [['（回答なし）', '']],
      rowHeight: 6.5,
      size: 8.5,
    });
  },
};
