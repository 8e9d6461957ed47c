/**
 * 予防接種の接種勧奨通知 (F11a-02): an A4 letter for a 長3 window envelope to the 保護者 of a child — the vaccines and
 * 回 not yet had, and until when each can be had free as 定期接種 (the last day of its 定期接種の期間) — issued by the
 * 市長 (自治体設定).
 */
import {
  addressBlock,
  dateLine,
  documentTitle,
  issuerLine,
  senderBlock,
} from '../../platform/documents/letter.ts';
import type { DocumentTemplate } from '../../platform/documents/types.ts';
import type { VaccinationReminderPayload } from './list-mailing.ts';

const left = 20;
const width = 170;

export const vaccinationReminderTemplate: DocumentTemplate<VaccinationReminderPayload> = {
  code: 'vaccination.reminder',
  title: '予防接種の接種勧奨通知',
  render(layout, item, ctx) {
    const p = item.payload;
    layout.newPage();
    addressBlock(layout, item.recipient);
    dateLine(layout, ctx.issueDate, 190, 18);
    issuerLine(layout, ctx.sender, 190, 24);
    senderBlock(layout, ctx.sender, 120, 34);
    let y = 72;
    y += documentTitle(layout, '予防接種のおすすめ（定期接種）', y) + 4;
    y += layout.text(
      left,
      y,
      `${p.name} さん（${p.birthDate}生・宛名番号 ${p.atenaNo}）の保護者様\n` +
        `${p.asOf}現在、次の予防接種の記録がありません。定期接種の期間内であれば、無料（公費）で受けられます。` +
        '期間を過ぎると任意接種（自己負担）になりますので、お早めに医療機関で接種してください。',
      { size: 10, width, lineGap: 2 },
    );
    y += 5;
    y += layout.table(left, y, {
      columns: [
        { header: '予防接種', width: 80 },
        { header: '回', width: 30 },
        { header: '無料で受けられる期限', width: 60 },
      ],
      rows: p.doses.map((d) => [d.vaccine, d.dose, d.until ? `${d.until}まで` : '—']),
      rowHeight: 8,
      size: 9,
    });
    y += 6;
    layout.text(
      left,
      y,
      '予診票をなくされた方、他の市町村や海外で接種を受けた方、この通知と行き違いで接種を受けた方は、お手数ですが' +
        `母子健康手帳をお持ちのうえ ${ctx.sender.centerName}（${ctx.sender.centerPhone}）までご連絡ください。` +
        '病気などで期間内に受けられなかった方は、長期療養特例で受けられる場合があります。',
      { size: 9.5, width, lineGap: 2 },
    );
  },
};
