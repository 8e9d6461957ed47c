/**
 * 健診案内通知 + 健康診査票 (F07-03 step 2) and 受診勧奨通知 (F07-07): A4 letters for a 長3 window envelope to the
 * child's 保護者. The invitation names the session (集団: 日時・会場) or the 受診票番号 and the period to go (個別),
 * what to bring, and a second page, the 健康診査票, with the checkup's items (施行規則第2条 for 1歳6か月・3歳, §4.6)
 * as blank boxes for the day. The reminder repeats the same and asks to come or to call.
 */
import {
  addressBlock,
  dateLine,
  documentTitle,
  issuerLine,
  senderBlock,
} from '../../platform/documents/letter.ts';
import type { DocumentItem, DocumentTemplate, RenderContext } from '../../platform/documents/types.ts';

export const invitationPurpose = 'infant.checkup-invitation';
export const infantReminderPurpose = 'infant.checkup-reminder';

/** One child's letter (dates already in 和暦). */
export type InvitationPayload = {
  checkup: string;
  checkupName: string;
  atenaNo: string;
  childName: string;
  birthDate: string;
  mode: 'group' | 'individual';
  /** 集団: 「令和8年10月6日（火） 13:00〜15:00」 and the venue */
  sessionText: string;
  venue: string;
  /** 個別: the 受診票番号 and the period to go */
  ticketNo: string;
  validFrom: string;
  validTo: string;
  bring: string[];
  items: string[];
  dental: boolean;
  /** 受診勧奨通知: the date by which there was no result */
  asOf?: string;
};

const left = 20;
const width = 170;

function header(layout: Parameters<DocumentTemplate['render']>[0], item: DocumentItem, ctx: RenderContext) {
  layout.newPage();
  addressBlock(layout, { ...item.recipient, name: `${item.recipient.name} 様の保護者` });
  dateLine(layout, ctx.issueDate, 190, 18);
  issuerLine(layout, ctx.sender, 190, 24);
  senderBlock(layout, ctx.sender, 120, 34);
}

/** The when-and-where table of a letter. */
function whereRows(p: InvitationPayload): string[][] {
  const rows = [
    ['お子さん', `${p.childName}（${p.birthDate}生・宛名番号 ${p.atenaNo}）`],
    ['健診', p.checkupName],
  ];
  if (p.mode === 'group') rows.push(['日時', p.sessionText], ['会場', p.venue]);
  else
    rows.push(
      ['受診票番号', p.ticketNo],
      ['受診できる期間', `${p.validFrom}から${p.validTo}まで`],
      ['受診先', '健診を実施している医療機関（予約をしてください）'],
    );
  rows.push(['持ち物', p.bring.join('、')]);
  return rows;
}

function whereTable(layout: Parameters<DocumentTemplate['render']>[0], y: number, p: InvitationPayload) {
  return layout.table(left, y, {
    columns: [
      { header: '項目', width: 40 },
      { header: '内容', width: 130 },
    ],
    rows: whereRows(p),
    rowHeight: 9,
    size: 10,
  });
}

/** 健康診査票: the items as boxes to fill in on the day. */
function checkupSheet(
  layout: Parameters<DocumentTemplate['render']>[0],
  p: InvitationPayload,
  ctx: RenderContext,
) {
  layout.newPage();
  let y = 16;
  layout.text(120, y, p.mode === 'individual' ? `受診票番号 ${p.ticketNo}` : `宛名番号 ${p.atenaNo}`, {
    size: 10,
    width: 70,
    align: 'right',
  });
  y += 8;
  y += documentTitle(layout, `${p.checkupName} 健康診査票`, y) + 4;
  y += layout.table(left, y, {
    columns: [
      { header: '氏名', width: 70 },
      { header: '生年月日', width: 50 },
      { header: '受診日', width: 50 },
    ],
    rows: [[p.childName, p.birthDate, '令和　　年　　月　　日']],
    rowHeight: 10,
    size: 10,
  });
  y += 6;
  y += layout.table(left, y, {
    columns: [
      { header: '診査項目', width: 70 },
      { header: '所見（記入欄）', width: 100 },
    ],
    rows: [
      ['身長・体重・頭囲・胸囲', '　　　cm　　　kg　　　cm　　　cm'],
      ...p.items.map((i) => [i, '']),
      ...(p.dental ? [['歯科健康診査', '']] : []),
      ['判定', '異常なし ・ 要観察 ・ 要精密 ・ 要治療 ・ 既医療'],
    ],
    rowHeight: 10,
    size: 9.5,
  });
  y += 6;
  layout.text(left, y, `${ctx.sender.centerName}　健診当日にお持ちください。`, { size: 9, width });
}

export const invitationTemplate: DocumentTemplate<InvitationPayload> = {
  code: invitationPurpose,
  title: '乳幼児健診 案内通知・健康診査票',
  render(layout, item, ctx) {
    const p = item.payload;
    header(layout, item, ctx);
    let y = 72;
    y += documentTitle(layout, `${p.checkupName}のご案内`, y) + 4;
    y +=
      layout.text(
        left,
        y,
        p.mode === 'group'
          ? 'お子さんの健康診査を次のとおり行います。当日は同封の健康診査票を記入のうえ、お越しください。' +
              '都合が悪い場合は、別の日程に変更できますのでご連絡ください。'
          : '医療機関で受ける健康診査のご案内です。受診できる期間内に医療機関へ予約のうえ、同封の健康診査票（受診票）を' +
              '持って受診してください。',
        { size: 10, width, lineGap: 2 },
      ) + 4;
    y += whereTable(layout, y, p) + 6;
    layout.text(
      left,
      y,
      `お問い合わせ ${ctx.sender.centerName}（${ctx.sender.centerPhone}）。入院中などで受診できない場合もご連絡ください。`,
      { size: 9.5, width },
    );
    checkupSheet(layout, p, ctx);
  },
};

export const infantReminderTemplate: DocumentTemplate<InvitationPayload> = {
  code: infantReminderPurpose,
  title: '乳幼児健診 受診勧奨通知',
  render(layout, item, ctx) {
    const p = item.payload;
    header(layout, item, ctx);
    let y = 72;
    y += documentTitle(layout, `${p.checkupName}の受診のおすすめ`, y) + 4;
    y +=
      layout.text(
        left,
        y,
        `${p.asOf ?? ''}現在、お子さんの${p.checkupName}の受診の記録がありません。健診はお子さんの成長・発達を` +
          '確かめ、子育ての相談ができる大切な機会です。まだの方は、次のとおり受診してください。',
        { size: 10, width, lineGap: 2 },
      ) + 4;
    y += whereTable(layout, y, p) + 6;
    layout.text(
      left,
      y,
      `日程の変更・ご相談は ${ctx.sender.centerName}（${ctx.sender.centerPhone}）へ。` +
        'この通知と行き違いで受診された場合はご容赦ください。',
      { size: 9.5, width },
    );
  },
};
