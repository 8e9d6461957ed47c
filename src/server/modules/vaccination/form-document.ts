/**
 * 予診票 (F10a-03 窓口発行): an A4 form for one vaccine and 回 with the person's data printed — the questions for
 * the 保護者 (はい/いいえ), the 医師記入欄, the 保護者の署名 and the 接種記録欄 that the 医療機関 fills in — issued by
 * the 市長 (自治体設定).
 */
import { dateLine, documentTitle, issuerLine } from '../../platform/documents/letter.ts';
import type { DocumentTemplate } from '../../platform/documents/types.ts';
import type { FormPayload } from './form-payload.ts';

const left = 20;
const width = 170;

const questions = [
  '今日受ける予防接種について、市から配られている説明書を読みましたか',
  '今日、体に具合の悪いところがありますか',
  '最近1か月以内に病気にかかりましたか（病名:　　　　　　　　）',
  '1か月以内に家族や遊び仲間に麻しん・風しん・水痘・おたふくかぜなどの病気の方がいましたか',
  '生まれてから今までに特別な病気（先天性異常・心臓・腎臓・肝臓・血液の病気など）にかかり、医師の診察を受けていますか',
  'ひきつけ（けいれん）をおこしたことがありますか',
  '薬や食品で皮膚に発疹やじんましんが出たり、体の具合が悪くなったことがありますか',
  'これまでに予防接種を受けて具合が悪くなったことがありますか',
  '1か月以内に予防接種を受けましたか（種類:　　　　　　　　）',
];

export const formTemplate: DocumentTemplate<FormPayload> = {
  code: 'vaccination.form',
  title: '予診票',
  render(layout, item, ctx) {
    const p = item.payload;
    layout.newPage();
    dateLine(layout, ctx.issueDate, 190, 12, { size: 9 });
    issuerLine(layout, ctx.sender, 190, 17, { size: 9 });
    let y = 26;
    y += documentTitle(layout, `予防接種予診票（${p.vaccine} ${p.dose}）`, y) + 4;
    y += layout.table(left, y, {
      columns: [
        { header: '氏名', width: 48 },
        { header: '生年月日（発行日の年齢）', width: 52 },
        { header: '性別', width: 12 },
        { header: '住所', width: 58 },
      ],
      rows: [[`${p.name}（${p.nameKana}）`, `${p.birthDate}（${p.age}）`, p.sex, p.address]],
      rowHeight: 8,
      size: 8.5,
    });
    y += 2;
    y += layout.text(
      left,
      y,
      `宛名番号 ${p.atenaNo}　定期接種の期間 ${p.legalPeriod || '—'}　標準的な期間 ${p.standardPeriod || '—'}` +
        (p.earliest ? `　最短の接種日 ${p.earliest}` : ''),
      { size: 8.5, width },
    );
    y += 3;
    y += layout.text(left, y, '接種前の体温　　　　度　　　分', { size: 10, bold: true, width }) + 2;
    y += layout.text(left, y, '質問事項（保護者の方が記入してください）', { size: 9.5, bold: true }) + 1;
    layout.hline(left, left + width, y);
    for (const [i, q] of questions.entries()) {
      const h = Math.max(layout.text(left + 1, y + 1.5, `${i + 1}. ${q}`, { size: 8.5, width: 132 }), 4) + 3;
      layout.text(left + 138, y + 1.5, 'はい ・ いいえ', { size: 8.5, width: 32, align: 'center' });
      y += h;
      layout.hline(left, left + width, y);
    }
    y += 4;
    y += layout.text(left, y, '医師記入欄', { size: 10, bold: true }) + 1;
    y += layout.text(
      left,
      y,
      '以上の問診および診察の結果、今日の予防接種は（ 実施できる ・ 見合わせた方がよい ）\n' +
        '本人（保護者）に対して、予防接種の効果、副反応および予防接種健康被害救済制度について説明しました。\n' +
        '医師の署名または記名押印',
      { size: 9, width, lineGap: 2 },
    );
    y += 5;
    y += layout.text(left, y, '保護者の署名', { size: 10, bold: true }) + 1;
    y += layout.text(
      left,
      y,
      '医師の診察・説明を受け、予防接種の効果や目的、重篤な副反応の可能性、予防接種健康被害救済制度などについて' +
        '理解したうえで、接種することに（ 同意します ・ 同意しません ）\n保護者の署名',
      { size: 9, width, lineGap: 2 },
    );
    y += 5;
    layout.table(left, y, {
      columns: [
        { header: 'ワクチン名（製品）', width: 40 },
        { header: 'ロット番号', width: 26 },
        { header: '接種量', width: 18 },
        { header: '実施場所・医師名', width: 52 },
        { header: '接種年月日', width: 34 },
      ],
      rows: [['', '', '', '', '令和　年　月　日']],
      rowHeight: 12,
      size: 8.5,
    });
  },
};
