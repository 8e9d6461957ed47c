/**
 * 予診票冊子の送付状（予診票綴り）(F10a-01): the A4 sheet mailed with the booklet of 予診票 and the 予診票貼付用
 * 宛名シール, for a 長3 window envelope — the child (氏名, 宛名番号, 生年月日), the list of the 予診票 enclosed (ワクチン,
 * 回, 標準的な接種期間, 定期接種の期間 in 和暦, from the engine's schedule for the child) and what to do with them.
 */
import {
  addressBlock,
  dateLine,
  documentTitle,
  issuerLine,
  senderBlock,
} from '../../platform/documents/letter.ts';
import type { DocumentTemplate } from '../../platform/documents/types.ts';
import type { BookletForm } from './booklet-rules.ts';

export type BookletPayload = {
  atenaNo: string;
  name: string;
  nameKana: string;
  /** 生年月日 in 和暦 */
  birthDate: string;
  formCount: number;
  /** the forms in one line (CSV for an outside printer): 「B型肝炎 1回目・2回目・3回目／…」 */
  formsText: string;
  forms: BookletForm[];
};

export const bookletTemplateCode = 'vaccination.booklet';

const left = 20;
const width = 170;
const columns = [
  { header: 'ワクチン', width: 46 },
  { header: '回', width: 30 },
  { header: '標準的な接種期間', width: 47 },
  { header: '定期接種の期間（公費）', width: 47 },
];

export const bookletTemplate: DocumentTemplate<BookletPayload> = {
  code: bookletTemplateCode,
  title: '予診票冊子',
  render(layout, item, ctx) {
    const p = item.payload;
    const s = ctx.sender;
    layout.newPage();
    addressBlock(layout, item.recipient);
    dateLine(layout, ctx.issueDate, 190, 18);
    issuerLine(layout, s, 190, 24);
    senderBlock(layout, s, 120, 34);
    let y = 68;
    y += documentTitle(layout, '予防接種予診票（冊子）の送付について', y) + 3;
    y += layout.table(left, y, {
      columns: [
        { header: 'お子さんの氏名', width: 62 },
        { header: '宛名番号', width: 30 },
        { header: '生年月日', width: 40 },
        { header: '同封の予診票', width: 38 },
      ],
      rows: [[`${p.name}（${p.nameKana}）`, p.atenaNo, p.birthDate, `${p.formCount}枚`]],
      rowHeight: 7,
      size: 9,
    });
    y += 3;
    y += layout.text(
      left,
      y,
      '保護者の方へ　お子さんが受ける定期予防接種の予診票をお送りします。下の表の予診票が綴じてあることを確かめ、' +
        '同封の宛名シールを各予診票の宛名欄に貼ってください。',
      { size: 9.5, width, lineGap: 1.5 },
    );
    y += 2;
    const rows = p.forms.map((f) => [
      f.vaccine,
      f.note ? `${f.dose}（${f.note}）` : f.dose,
      f.standardPeriod || '—',
      f.legalPeriod,
    ]);
    let start = 0;
    while (start < rows.length) {
      const room = Math.max(Math.floor((262 - y) / 6.5) - 1, 1);
      const part = rows.slice(start, start + room);
      y += layout.table(left, y, { columns, rows: part, rowHeight: 6.5, size: 7.5 });
      start += part.length;
      if (start < rows.length) {
        layout.newPage();
        y = 20;
        y += layout.text(left, y, `${p.name} 様の予診票（続き）`, { size: 10, bold: true, width }) + 2;
      }
    }
    y += 4;
    if (y > 245) {
      layout.newPage();
      y = 20;
    }
    layout.text(
      left,
      y,
      '・接種を受けるときは、母子健康手帳と予診票を必ずお持ちください（接種の記録は母子健康手帳に書かれます）。\n' +
        '・標準的な接種期間を目安に、医療機関に予約してください。定期接種の期間を過ぎると公費（無料）では受けられません。\n' +
        (p.forms.some((f) => f.note)
          ? '・「〇〇のみ」とある予診票は、医療機関がそのワクチンを使うときだけ使います（ロタは2回または3回）。\n'
          : '') +
        '・転出されたときは、この予診票は使えません。転出先の市区町村にお問い合わせください。\n' +
        `・お問い合わせ: ${s.centerName}（${s.centerPhone}）`,
      { size: 9, width, lineGap: 2 },
    );
  },
};
