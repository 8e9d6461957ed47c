/**
 * 母子健康手帳等の送付 (F06-02 手順7〜8): the letter that goes with the 母子健康手帳 and the 受診券 mailed after a
 * 妊娠届 by e-application — an A4 letter for a 長3 window envelope (the 宛名 in the window, 宛名シール for larger
 * envelopes from the mailing screen) listing what is enclosed (手帳番号, 受診券の枚数), the 面談 request when the
 * centre asks the mother to come (妊娠届出時の面談, maternal-child-vaccination-pmh.md §4.9), and then the 受診券 pages
 * themselves (voucher-document.ts), so one print run makes each mother's envelope.
 */
import {
  addressBlock,
  dateLine,
  documentTitle,
  issuerLine,
  senderBlock,
} from '../../platform/documents/letter.ts';
import type { DocumentTemplate } from '../../platform/documents/types.ts';
import { type VoucherSetPayload, voucherSetTemplate } from './voucher-document.ts';

export const handbookMailPurpose = 'maternal.handbook-mail';

export type HandbookMailPayload = {
  notificationNo: string;
  /** 和暦 */
  notifiedOn: string;
  dueDate: string;
  handbookNos: string[];
  /** 面談のお願い: null when not asked */
  interview: { note: string } | null;
  vouchers: VoucherSetPayload;
};

const left = 20;
const width = 170;

export const handbookMailTemplate: DocumentTemplate<HandbookMailPayload> = {
  code: handbookMailPurpose,
  title: '母子健康手帳等の送付',
  render(layout, item, ctx) {
    const p = item.payload;
    layout.newPage();
    addressBlock(layout, item.recipient);
    dateLine(layout, ctx.issueDate, 190, 18);
    issuerLine(layout, ctx.sender, 190, 24);
    senderBlock(layout, ctx.sender, 120, 34);
    let y = 70;
    y += documentTitle(layout, '母子健康手帳等の送付について', y) + 4;
    y +=
      layout.text(
        left,
        y,
        `${p.notifiedOn}に電子申請で届け出られた妊娠届（届出番号 ${p.notificationNo}）を受け付けました。` +
          '母子健康手帳と妊婦健康診査受診券をお送りします。受診券は医療機関で母子健康手帳と一緒に出してください。',
        { size: 10.5, width },
      ) + 5;
    y += layout.table(left, y, {
      columns: [
        { header: '同封しているもの', width: 60 },
        { header: '内容', width: 110 },
      ],
      rows: [
        ['母子健康手帳', `${p.handbookNos.length}冊（手帳番号 ${p.handbookNos.join('、')}）`],
        ['妊婦健康診査受診券', `${p.vouchers.vouchers.length}枚`],
        ['出産予定日', p.dueDate],
      ],
      rowHeight: 9,
      size: 10,
    });
    y += 8;
    if (p.interview) {
      y += layout.text(left, y, '面談のお願い', { size: 12, bold: true, width }) + 2;
      y +=
        layout.text(
          left,
          y,
          '妊娠中の過ごし方や出産・子育ての準備について、保健師・助産師がお話をうかがいます（妊婦等包括相談支援）。' +
            `お手数ですが、${ctx.sender.centerName}へお越しください。来所の日時は電話でご相談ください（${ctx.sender.centerPhone}）。`,
          { size: 10.5, width },
        ) + 2;
      if (p.interview.note)
        y += layout.text(left, y, `ご希望の日時: ${p.interview.note}`, { size: 10.5, width }) + 2;
      y += 4;
    }
    layout.text(
      left,
      y,
      `ご不明な点は ${ctx.sender.centerName}（${ctx.sender.centerPhone}）までお問い合わせください。`,
      { size: 10, width },
    );
    voucherSetTemplate.render(layout, { ...item, payload: p.vouchers }, ctx);
  },
};
