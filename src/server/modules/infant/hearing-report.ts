/**
 * 新生児聴覚検査 結果集計 (F07-02 step 5): the aggregate of a period as an A4 table (documents engine) and as CSV
 * columns (platform/csv) — 受検者数, 初回/確認 の検査数と要再検の児, 精密検査紹介 — in all, by method, by institution.
 */
import type { CsvColumn } from '../../platform/csv/export.ts';
import { documentTitle } from '../../platform/documents/letter.ts';
import type { DocumentTemplate } from '../../platform/documents/types.ts';
import type { AggregateLine } from './hearing-rules.ts';

export type HearingReportPayload = {
  /** 集計期間（検査日）: 令和8年4月1日〜令和8年9月30日 */
  period: string;
  lines: AggregateLine[];
};

const counts: Array<{ key: keyof AggregateLine; label: string }> = [
  { key: 'children', label: '受検者数（人）' },
  { key: 'initialTests', label: '初回検査（件）' },
  { key: 'initialRefer', label: '初回 要再検（人）' },
  { key: 'confirmTests', label: '確認検査（件）' },
  { key: 'confirmRefer', label: '確認 要再検（人）' },
  { key: 'referred', label: '精密検査紹介（人）' },
];

export const hearingReportColumns: CsvColumn<AggregateLine>[] = [
  { key: 'group', label: '区分', value: (l) => l.group },
  { key: 'label', label: '内訳', value: (l) => l.label },
  ...counts.map((c) => ({ key: c.key, label: c.label, value: (l: AggregateLine) => l[c.key] })),
];

const rowsPerPage = 28;

export const hearingReportTemplate: DocumentTemplate<HearingReportPayload> = {
  code: 'infant.hearing-report',
  title: '新生児聴覚検査 結果集計表',
  render(layout, item, ctx) {
    const p = item.payload;
    const pages = Math.max(1, Math.ceil(p.lines.length / rowsPerPage));
    for (let page = 0; page < pages; page++) {
      layout.newPage();
      documentTitle(layout, '新生児聴覚検査 結果集計表', 12, { size: 14 });
      layout.text(10, 21, `集計期間（検査日）: ${p.period}`, { size: 9.5, width: 150 });
      layout.text(120, 27, `${ctx.sender.centerName}　${page + 1} / ${pages} ページ`, {
        size: 8.5,
        width: 75,
        align: 'right',
      });
      layout.table(8, 33, {
        columns: [
          { header: '区分', width: 20 },
          { header: '内訳', width: 52 },
          ...counts.map((c) => ({
            header: c.label.replace(/（.+）$/, ''),
            width: 20,
            align: 'right' as const,
          })),
        ],
        rowHeight: 8,
        size: 8,
        rows: p.lines
          .slice(page * rowsPerPage, (page + 1) * rowsPerPage)
          .map((l) => [l.group, l.label, ...counts.map((c) => String(l[c.key]))]),
      });
    }
    layout.text(10, 275, '受検者数・要再検・精密検査紹介は児の実人数、検査数は延べ件数です。', {
      size: 8,
      width: 180,
    });
  },
};
