/**
 * 結果票 (F03-03, 検診結果のお知らせ): A4 letter for a 長3 window envelope — the results of the 年度, one block per
 * program (受診日・場所・方法, the items, the 判定) — and, when a result is 要精検, a second page 精密検査のご案内
 * with the 医療機関 to go to (enclosed guidance, flows.md F03-03 notes).
 */
import { documentTitle } from '../../platform/documents/letter.ts';
import type { DocumentTemplate } from '../../platform/documents/types.ts';
import { fiscalYearLabel, letterHeader } from './documents.ts';
import type { ResultNoticePayload } from './result-notice-payload.ts';

const left = 20;
const width = 170;

export const resultNoticeTemplate: DocumentTemplate<ResultNoticePayload> = {
  code: 'adult-health.result-notice',
  title: '結果票',
  render(layout, item, ctx) {
    const p = item.payload;
    letterHeader(layout, item, ctx);
    let y = 72;
    y += documentTitle(layout, `${fiscalYearLabel(p.fiscalYear)} 検診結果のお知らせ`, y) + 4;
    y += layout.text(
      left,
      y,
      `${item.recipient.name} 様（宛名番号 ${p.atenaNo}）\n` +
        `${fiscalYearLabel(p.fiscalYear)}に受診された検診の結果をお知らせします。` +
        (p.detailed.length ? '「要精検」の検診は、必ず精密検査を受けてください（次のページ）。' : ''),
      { size: 10, width, lineGap: 2 },
    );
    y += 4;
    for (const r of p.results) {
      if (y > 235) {
        layout.newPage();
        y = 20;
      }
      y += layout.text(left, y, `■ ${r.name}`, { size: 11, bold: true }) + 1;
      y += layout.table(left, y, {
        columns: [
          { header: '受診日', width: 46 },
          { header: '受診場所', width: 70 },
          { header: '検査方法', width: 54 },
        ],
        rows: [[r.screenedOn, r.place, r.method]],
        rowHeight: 7,
        size: 8.5,
      });
      if (r.items.length)
        y += layout.table(left, y + 1, {
          columns: [
            { header: '検査項目', width: 70 },
            { header: '結果', width: 100 },
          ],
          rows: r.items.map((i) => [i.label, i.value]),
          rowHeight: 7,
          size: 8.5,
        });
      y += 2;
      y +=
        layout.text(left, y, `判定: ${r.judgement}${r.needsDetailed ? '（精密検査を受けてください）' : ''}`, {
          size: 10.5,
          bold: true,
          width,
        }) + 5;
    }
    y += 2;
    layout.text(
      left,
      Math.min(Math.max(y, 240), 262),
      `結果についてのお問い合わせ: ${ctx.sender.centerName}（${ctx.sender.centerPhone}）`,
      { size: 8.5, width },
    );
    if (p.detailed.length) {
      layout.newPage();
      let z = 20;
      z += documentTitle(layout, '精密検査のご案内', z) + 4;
      z += layout.text(
        left,
        z,
        `${item.recipient.name} 様\n` +
          '検診の結果、精密検査が必要と判定されました。がんと決まったわけではありませんが、早めに（おおむね1か月以内に）' +
          '医療機関で精密検査を受けてください。受診の際は、この案内と結果のお知らせをお持ちください。' +
          '精密検査の結果は医療機関から市に報告されます（本人からのご連絡をお願いすることがあります）。',
        { size: 10, width, lineGap: 2 },
      );
      z += 5;
      for (const d of p.detailed) {
        z += layout.text(left, z, `■ ${d.name}の精密検査`, { size: 11, bold: true }) + 1;
        z += layout.lines(
          left + 4,
          z,
          d.institutions.length
            ? d.institutions.map((n) => `・${n}`)
            : ['・かかりつけの医療機関にご相談ください。'],
          { size: 9.5, width: width - 4 },
        );
        z += 4;
      }
      layout.text(
        left,
        Math.max(z, 250),
        `ご不明な点は ${ctx.sender.centerName}（${ctx.sender.centerPhone}）まで`,
        {
          size: 9,
          width,
        },
      );
    }
  },
};
