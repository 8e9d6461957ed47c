/**
 * 乳幼児精密健康診査依頼書（精健票, F07-05 step 5): an A4 letter to the institution — 依頼書番号, the child (氏名,
 * 生年月日, 宛名番号, 保護者への宛先), the checkup (種類, 受診日, 月齢, 判定) and the areas and reason to examine, and a
 * 精密健診結果 part for the institution to fill in and send back quoting the 依頼書番号 (F07-06).
 */
import { dateLine, documentTitle, issuerLine } from '../../platform/documents/letter.ts';
import type { DocumentTemplate } from '../../platform/documents/types.ts';

export const referralPurpose = 'infant.referral';

export type ReferralPayload = {
  referralNo: string;
  toInstitution: string;
  name: string;
  nameKana: string;
  birthDate: string;
  atenaNo: string;
  checkupName: string;
  examinedOn: string;
  age: string;
  judgement: string;
  areas: string[];
  reason: string;
};

const left = 20;
const width = 170;

export const referralTemplate: DocumentTemplate<ReferralPayload> = {
  code: referralPurpose,
  title: '乳幼児精密健康診査依頼書',
  render(layout, item, ctx) {
    const p = item.payload;
    layout.newPage();
    let y = 16;
    layout.text(120, y, `依頼書番号 ${p.referralNo}`, { size: 10, width: 70, align: 'right' });
    y += 8;
    y += documentTitle(layout, '乳幼児精密健康診査依頼書', y) + 4;
    y += layout.text(left, y, `${p.toInstitution || '医療機関'}　御中`, { size: 11, width }) + 4;
    y +=
      layout.text(
        left,
        y,
        `下記の児は${p.checkupName}の結果、精密健康診査が必要と認められましたので、よろしくお願いいたします。`,
        { size: 10, width },
      ) + 4;
    y += layout.table(left, y, {
      columns: [
        { header: '項目', width: 40 },
        { header: '内容', width: 130 },
      ],
      rows: [
        ['氏名', `${p.name}（${p.nameKana}）`],
        ['生年月日', p.birthDate],
        ['宛名番号', p.atenaNo],
        ['健診', `${p.checkupName}（受診日 ${p.examinedOn}、${p.age}）`],
        ['判定', p.judgement],
        ['精密健診の部位・項目', p.areas.join('、')],
        ['依頼の理由・所見', p.reason],
      ],
      rowHeight: 9,
      size: 9.5,
    });
    y += 6;
    dateLine(layout, ctx.issueDate, 190, y);
    issuerLine(layout, ctx.sender, 190, y + 7, { size: 11 });
    y += 24;
    y += layout.text(left, y, '精密健康診査結果（医療機関記入欄）', { size: 11, bold: true, width }) + 2;
    layout.table(left, y, {
      columns: [
        { header: '項目', width: 40 },
        { header: '記入', width: 130 },
      ],
      rows: [
        ['受診日', '令和　　年　　月　　日'],
        ['結果', '異常なし ・ 要観察 ・ 要治療 ・ 既医療 ・ その他'],
        ['診断名・所見', ''],
        ['医療機関名・医師名', ''],
      ],
      rowHeight: 12,
      size: 9.5,
    });
    layout.text(
      left,
      272,
      `この依頼書は依頼書番号 ${p.referralNo} で管理しています。結果は番号を添えて ${ctx.sender.centerName} へお送りください。`,
      {
        size: 8,
        width,
      },
    );
  },
};
