/**
 * 予防接種済証（接種記録票） (F11a-03): an A4 certificate handed over at the counter — the person (氏名, 生年月日,
 * 住所, 宛名番号), a table of every dose (ワクチン, 回, 接種日 in 和暦, 製品, ロット, 医療機関, 定期/任意接種扱い, the
 * table continued on further pages), and the issue date with the 市長 as issuer.
 */
import { dateLine, documentTitle, issuerLine } from '../../platform/documents/letter.ts';
import type { DocumentTemplate } from '../../platform/documents/types.ts';
import type { CertificatePayload } from './certificate-payload.ts';

const left = 20;
const width = 170;
const columns = [
  { header: 'ワクチン', width: 34 },
  { header: '回', width: 18 },
  { header: '接種日', width: 27 },
  { header: '製品', width: 22 },
  { header: 'ロット', width: 14 },
  { header: '医療機関', width: 35 },
  { header: '区分', width: 20 },
];
/** rows on the first page (under the person block) and on the following pages */
const firstRows = 22;
const nextRows = 30;

export const certificateTemplate: DocumentTemplate<CertificatePayload> = {
  code: 'vaccination.certificate',
  title: '予防接種済証',
  render(layout, item, ctx) {
    const p = item.payload;
    layout.newPage();
    let y = 20;
    y += documentTitle(layout, '予防接種済証（接種記録票）', y) + 6;
    y += layout.table(left, y, {
      columns: [
        { header: '氏名', width: 50 },
        { header: '生年月日', width: 36 },
        { header: '住所', width: 60 },
        { header: '宛名番号', width: 24 },
      ],
      rows: [[`${p.name}（${p.nameKana}）`, p.birthDate, p.address, p.atenaNo]],
      rowHeight: 8,
      size: 9,
    });
    y += 6;
    const rows = p.records.map((r) => [
      r.vaccine,
      r.dose,
      r.vaccinatedOn,
      r.product,
      r.lot,
      r.institution,
      r.routine ? '定期接種' : '任意接種扱い',
    ]);
    let start = 0;
    let capacity = firstRows;
    for (;;) {
      const part = rows.slice(start, start + capacity);
      y += layout.table(left, y, { columns, rows: part, rowHeight: 7, size: 8 });
      start += part.length;
      if (start >= rows.length) break;
      layout.newPage();
      y = 20;
      y += layout.text(left, y, `${p.name} 様の接種記録（続き）`, { size: 10, bold: true, width }) + 2;
      capacity = nextRows;
    }
    y += 4;
    if (rows.some((r) => r[6] === '任意接種扱い'))
      y +=
        layout.text(
          left,
          y,
          '任意接種扱い: 定期接種の対象年齢・接種間隔などの定めの外で受けた接種です（接種の事実を記録しています）。',
          { size: 8.5, width },
        ) + 3;
    if (y > 245) {
      layout.newPage();
      y = 20;
    }
    y += layout.text(
      left,
      y,
      `上記のとおり、${ctx.sender.municipalityName}の記録により予防接種を受けたことを証明します。`,
      { size: 10.5, width },
    );
    y += 6;
    dateLine(layout, ctx.issueDate, 190, y);
    issuerLine(layout, ctx.sender, 190, y + 7, { size: 12 });
  },
};
