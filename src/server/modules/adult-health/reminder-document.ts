/**
 * 受診勧奨通知 (F03-04): A4 letter for a 長3 window envelope — the programs the person was sent a 受診票 for or
 * applied for and has not had yet, until when, and the 受診券番号 (the same ticket is still valid).
 */
import { formatWareki } from '../../platform/calendar/index.ts';
import { documentTitle } from '../../platform/documents/letter.ts';
import type { DocumentTemplate } from '../../platform/documents/types.ts';
import { fiscalYearLabel, letterHeader } from './documents.ts';
import type { ReminderPayload } from './screening-reminders.ts';

const left = 20;
const width = 170;

export const reminderTemplate: DocumentTemplate<ReminderPayload> = {
  code: 'adult-health.reminder',
  title: '受診勧奨通知',
  render(layout, item, ctx) {
    const p = item.payload;
    letterHeader(layout, item, ctx);
    let y = 72;
    y += documentTitle(layout, `${fiscalYearLabel(p.fiscalYear)} 検診の受診のおすすめ`, y) + 4;
    y += layout.text(
      left,
      y,
      `${item.recipient.name} 様（宛名番号 ${p.atenaNo}）\n` +
        '次の検診は、まだ受診の記録がありません。がんは早期に見つけることで、多くが治るようになっています。' +
        `${formatWareki(p.deadline)}までに、お手元の受診票（券）で受診してください。`,
      { size: 10, width, lineGap: 2 },
    );
    y += 6;
    y +=
      layout.lines(
        left + 4,
        y,
        p.programs.map((n) => `・${n}`),
        { size: 11, width: width - 4 },
      ) + 6;
    y += layout.text(
      left,
      y,
      `受診券番号 ${p.ticketNo}\n` +
        '受診票（券）をなくされた方、既に受診された方、職場などで受診される方は、お手数ですが' +
        `${ctx.sender.centerName}（${ctx.sender.centerPhone}）までご連絡ください。` +
        'この通知と行き違いで受診された場合はご容赦ください。',
      { size: 9.5, width, lineGap: 2 },
    );
  },
};
