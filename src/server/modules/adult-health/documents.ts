/**
 * 帳票 of the adult-health invitations: 受診票（券） (with the がん検診無料クーポン券 where due) and 希望調査票.
 * A4 portrait, folded for a 長3 window envelope: the address block sits in the window (documents engine).
 */
import { formatWareki } from '../../platform/calendar/index.ts';
import type { Layout } from '../../platform/documents/layout.ts';
import {
  addressBlock,
  dateLine,
  documentTitle,
  issuerLine,
  senderBlock,
} from '../../platform/documents/letter.ts';
import type { DocumentTemplate } from '../../platform/documents/types.ts';
import type { SurveyPayload } from './payloads.ts';
import type { IssuedTicket } from './ticket-issue.ts';

const left = 20;
const width = 170;

/** 「令和8年度」 of a 年度. */
export function fiscalYearLabel(fy: number): string {
  return `${formatWareki(`${fy}-04-01`).replace(/4月1日$/, '')}度`;
}

/** A letter's first page: the address in the envelope window, the date, the issuer and the sender. */
export function letterHeader(
  layout: Layout,
  item: Parameters<DocumentTemplate['render']>[1],
  ctx: Parameters<DocumentTemplate['render']>[2],
) {
  layout.newPage();
  addressBlock(layout, item.recipient);
  dateLine(layout, ctx.issueDate, 190, 18);
  issuerLine(layout, ctx.sender, 190, 24);
  senderBlock(layout, ctx.sender, 120, 34);
}

export const ticketTemplate: DocumentTemplate<IssuedTicket> = {
  code: 'adult-health.ticket',
  title: '受診票（券）',
  render(layout, item, ctx) {
    const p = item.payload;
    letterHeader(layout, item, ctx);
    const coupons = p.programs.filter((x) => x.coupon);
    let y = 72;
    y += documentTitle(layout, `${fiscalYearLabel(p.fiscalYear)} 検診 受診票（券）`, y) + 4;
    y += layout.text(
      left,
      y,
      `${item.recipient.name} 様（宛名番号 ${p.atenaNo}・年度末年齢 ${p.age}歳）\n` +
        `${fiscalYearLabel(p.fiscalYear)}に受診できる検診は下の表のとおりです。受診の際は、この受診票（券）と` +
        '資格確認書類（マイナ保険証など）をお持ちください。',
      { size: 10, width, lineGap: 2 },
    );
    y += 4;
    y += layout.table(left, y, {
      columns: [
        { header: '検診', width: 44 },
        { header: '検査方法', width: 64 },
        { header: '自己負担金', width: 62 },
      ],
      // one row per 検査方法, so every fee is printed in full
      rows: p.programs.flatMap((x) =>
        (x.methods.length ? x.methods : ['']).map((method, i) => [
          i === 0 ? (x.coupon ? `${x.name}（クーポン）` : x.name) : '',
          method,
          x.coupon ? '無料（クーポン券）' : (x.fees[i] ?? ''),
        ]),
      ),
      rowHeight: 8,
      size: 8.5,
    });
    y += 4;
    if (p.booking) {
      y += layout.text(left, y, `集団検診のご予約: ${p.booking}`, { size: 10.5, bold: true, width }) + 4;
    }
    if (p.institution) {
      y += layout.text(left, y, `受診する医療機関: ${p.institution}`, { size: 10.5, bold: true, width }) + 4;
    }
    if (coupons.length) {
      const h = 26;
      layout.rect({ x: left, y, w: width, h }, { lineWidth: 0.8 });
      layout.text(left + 4, y + 3, 'がん検診無料クーポン券', { size: 13, bold: true });
      layout.text(
        left + 4,
        y + 11,
        `対象: ${coupons.map((x) => x.name).join('・')}\n` +
          `この券で自己負担金なしで受診できます。有効期限: ${formatWareki(`${p.fiscalYear + 1}-03-31`)}`,
        { size: 9.5, width: width - 8, lineGap: 1.5 },
      );
      y += h + 4;
    }
    const periods = p.programs.filter((x) => x.period);
    const notices = [
      periods.length
        ? `・受診期間: ${periods.map((x) => `${x.name} ${x.period}`).join('、')}${periods.length < p.programs.length ? '（記載のない検診は年度内）' : ''}`
        : `・受診期間: ${fiscalYearLabel(p.fiscalYear)}中（${formatWareki(`${p.fiscalYear + 1}-03-31`)}まで）`,
      ...p.programs.filter((x) => x.notice).map((x) => `・${x.name}: ${x.notice}`),
    ];
    if (p.exemptionNote) notices.push(`・${p.exemptionNote}`);
    if (notices.length) y += layout.lines(left, y, ['【ご注意】', ...notices], { size: 8.5, width }) + 4;
    layout.text(left, Math.max(y, 230), '受診券番号（医療機関・会場で読み取ります）', { size: 8.5 });
    layout.code128(left, Math.max(y, 230) + 5, `K${p.ticketNo}`, { heightMm: 10 });
    layout.text(left, Math.max(y, 230) + 17, p.ticketNo, { size: 9 });
    layout.footer(item.seq);
  },
};

export const surveyTemplate: DocumentTemplate<SurveyPayload> = {
  code: 'adult-health.survey',
  title: '希望調査票',
  render(layout, item, ctx) {
    const p = item.payload;
    letterHeader(layout, item, ctx);
    let y = 72;
    y += documentTitle(layout, `${fiscalYearLabel(p.fiscalYear)} 検診 受診希望調査票`, y) + 4;
    y += layout.text(
      left,
      y,
      `${item.recipient.name} 様（宛名番号 ${p.atenaNo}・年度末年齢 ${p.age}歳）\n` +
        `受診を希望する検診の□に✓をつけて、${formatWareki(p.replyBy)}までに同封の返信用封筒でご返送ください。` +
        `お電話（${ctx.sender.centerPhone}）でもお受けします。希望された検診の受診票（券）を後日お送りします。`,
      { size: 10, width, lineGap: 2 },
    );
    y += 5;
    layout.text(left, y, '■ 希望する検診', { size: 10.5, bold: true });
    y += 7;
    for (const x of p.programs) {
      layout.checkbox(left + 2, y + 0.5, 4);
      layout.text(left + 9, y, `${x.name}${x.methods.length ? `（${x.methods.join('・')}）` : ''}`, {
        size: 10,
        width: width - 10,
      });
      y += 7;
    }
    if (p.sessions.length) {
      y += 3;
      layout.text(left, y, '■ 集団検診を希望する方は、日程を1つ選んでください', { size: 10.5, bold: true });
      y += 7;
      for (const s of p.sessions.slice(0, 12)) {
        layout.checkbox(left + 2, y + 0.5, 4);
        layout.text(left + 9, y, `${formatWareki(s.date)} ${s.time}　${s.venue}`, {
          size: 9.5,
          width: width - 10,
        });
        y += 6.5;
      }
    }
    y += 4;
    layout.text(left, y, 'ご連絡先（日中つながる電話番号）: ____________________', { size: 10 });
    layout.qr(165, 240, p.surveyNo, 22);
    layout.text(left, 255, `調査票番号 ${p.surveyNo}`, { size: 9 });
    layout.footer(item.seq);
  },
};
