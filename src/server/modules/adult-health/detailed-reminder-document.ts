/**
 * 精密検査受診勧奨通知 (F04-02): A4 letter for a 長3 window envelope to a person with a 要精検 result and no 精密検査
 * known — which screening said 要精密検査 and when, please have the 精密検査 (or tell us if you already had it).
 */
import { documentTitle } from '../../platform/documents/letter.ts';
import type { DocumentTemplate } from '../../platform/documents/types.ts';
import { fiscalYearLabel, letterHeader } from './documents.ts';

export type DetailedReminderPayload = {
  fiscalYear: number;
  atenaNo: string;
  /** the 要精検 screenings without a 精検結果 (screenedOn in 和暦) */
  exams: { recordId: number; program: string; name: string; screenedOn: string }[];
};

const left = 20;
const width = 170;

export const detailedReminderTemplate: DocumentTemplate<DetailedReminderPayload> = {
  code: 'adult-health.detailed-reminder',
  title: '精密検査受診勧奨通知',
  render(layout, item, ctx) {
    const p = item.payload;
    letterHeader(layout, item, ctx);
    let y = 72;
    y += documentTitle(layout, '精密検査の受診のおすすめ', y) + 4;
    y += layout.text(
      left,
      y,
      `${item.recipient.name} 様（宛名番号 ${p.atenaNo}）\n` +
        `${fiscalYearLabel(p.fiscalYear)}に受けられた次の検診で「要精密検査」と判定されましたが、まだ精密検査を受けた` +
        '記録がありません。精密検査が必要と判定されても、がんと決まったわけではありません。早期に見つけるために、' +
        'できるだけ早く医療機関で精密検査を受けてください。',
      { size: 10, width, lineGap: 2 },
    );
    y += 4;
    y += layout.table(left, y, {
      columns: [
        { header: '検診', width: 80 },
        { header: '検診の受診日', width: 60 },
        { header: '判定', width: 30 },
      ],
      rows: p.exams.map((e) => [e.name, e.screenedOn, '要精密検査']),
      rowHeight: 7,
      size: 9.5,
    });
    y += 6;
    layout.text(
      left,
      y,
      '受診の際は、この通知と検診結果のお知らせをお持ちください。既に精密検査を受けられた方は、受診した医療機関・' +
        `受診日・結果を${ctx.sender.centerName}（${ctx.sender.centerPhone}）までお知らせください。` +
        'この通知と行き違いで受診された場合はご容赦ください。',
      { size: 9.5, width, lineGap: 2 },
    );
  },
};
