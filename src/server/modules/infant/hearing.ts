/**
 * 新生児聴覚スクリーニング検査 (F07-02): record a result (初回/確認, 自動ABR/OAE, pass/refer per ear; a 確認 refer is
 * referred to 精密検査 and registered for follow-up, source 'hearing'), the status per child, and the aggregate of a
 * period as a PDF and a CSV (audited as exports). Rules: hearing-rules.ts (§4.5).
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { formatWareki, parseDateInput, today } from '../../platform/calendar/index.ts';
import { type CsvEncoding, toCsv } from '../../platform/csv/export.ts';
import type { Database } from '../../platform/db/connect.ts';
import type { Sender } from '../../platform/documents/types.ts';
import { badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import { registerFollowUp } from '../maternal/follow-ups.ts';
import { birthRepository } from './birth-repository.ts';
import { hearingReportColumns, hearingReportTemplate } from './hearing-report.ts';
import { type HearingWrite, hearingRepository as repo } from './hearing-repository.ts';
import {
  aggregateHearing,
  checkHearing,
  type EarResult,
  earResults,
  type HearingKind,
  hearingStatus,
  hearingStatuses,
  referredToDetailed,
} from './hearing-rules.ts';

const screen = '母子カード 新生児聴覚検査';

export type HearingInput = {
  kind: string;
  method: string;
  testedOn: string;
  institutionName: string;
  rightResult: string;
  leftResult: string;
  note: string;
  /** the test corrected and the version read (null: a new one) */
  id: number | null;
  version: number | null;
};

export function hearingService(deps: {
  database: Database;
  audit: AuditService;
  sender: () => Promise<Sender>;
}) {
  const { database, audit } = deps;

  /** The tests of a child and the status (no audit: the caller's screen records the view). */
  async function ofChild(childResidentId: number) {
    const tests = await repo.ofChildren(database, [childResidentId]);
    const status = hearingStatus(tests);
    return { tests, status, statusLabel: hearingStatuses[status] };
  }

  /** The period's tests and lines; from/to as typed (西暦/和暦). */
  async function period(from: string, to: string) {
    const f = parseDateInput(from);
    const t = parseDateInput(to);
    if (!f.ok) throw badRequest(`集計期間の開始日: ${f.message}`);
    if (!t.ok) throw badRequest(`集計期間の終了日: ${t.message}`);
    if (f.date > t.date) throw badRequest('集計期間の開始日が終了日より後です。期間を確かめてください。');
    const tests = await repo.inPeriod(database, f.date, t.date);
    return {
      from: f.date,
      to: t.date,
      label: `${formatWareki(f.date)}〜${formatWareki(t.date)}`,
      childIds: [...new Set(tests.map((x) => x.childResidentId))],
      lines: aggregateHearing(tests),
    };
  }

  async function exported(actor: Actor, childIds: number[], summary: string) {
    await audit.record(actor, {
      action: 'export',
      screen: '新生児聴覚検査 結果集計',
      residentIds: childIds,
      summary,
    });
  }

  return {
    ofChild,

    /** Records (or corrects at the version read) a result of a child. */
    async record(actor: Actor, childResidentId: number, v: HearingInput) {
      const child = await birthRepository.person(database, childResidentId);
      if (!child) throw notFound('子の宛名');
      const date = parseDateInput(v.testedOn);
      const fields = date.ok ? [] : [{ path: 'testedOn', message: `検査日: ${date.message}` }];
      const tested = date.ok ? date.date : '';
      fields.push(...checkHearing({ ...v, testedOn: tested }, child.birthDate, today()));
      if (fields.length)
        throw badRequest(`入力に誤りがあります（${fields.length}件）。${fields[0]!.message}`, { fields });
      const kind = v.kind as HearingKind;
      const ears = { rightResult: v.rightResult as EarResult, leftResult: v.leftResult as EarResult };
      const referred = referredToDetailed(kind, ears);
      const row: HearingWrite = {
        childResidentId,
        kind,
        method: v.method,
        testedOn: tested,
        institutionName: v.institutionName,
        ...ears,
        referred,
        source: 'manual',
        note: v.note,
      };
      const out = await database.transaction(async (tx) => {
        let id: number;
        let version: number;
        if (v.id !== null) {
          const current = await repo.byId(tx, v.id);
          if (!current || current.childResidentId !== childResidentId) throw notFound('聴覚検査の結果');
          const next = await repo.update(tx, v.id, v.version ?? -1, row, actor.userId);
          if (next === undefined) throw conflict('この聴覚検査の結果', current);
          id = v.id;
          version = next;
        } else ({ id, version } = await repo.insert(tx, row, actor.userId));
        const ear = (r: EarResult) => earResults[r];
        const followUpId = referred
          ? await registerFollowUp(tx, {
              residentId: childResidentId,
              source: 'hearing',
              sourceId: id,
              reasons: [
                `新生児聴覚検査 確認検査で要再検（右: ${ear(ears.rightResult)}・左: ${ear(ears.leftResult)}）→ 精密検査`,
              ],
              registeredOn: today(),
              userId: actor.userId,
            })
          : null;
        return { id, version, followUpId };
      });
      await audit.record(actor, {
        action: 'change',
        screen,
        residentIds: [childResidentId],
        summary: `新生児聴覚検査の${v.id === null ? '登録' : '修正'}（${child.atenaNo}${referred ? '・精密検査へ紹介' : ''}）`,
      });
      return { ...out, referred, ...(await ofChild(childResidentId)) };
    },

    /** The aggregate of a period on screen. */
    async aggregate(actor: Actor, from: string, to: string) {
      const p = await period(from, to);
      await audit.record(actor, {
        action: 'view',
        screen: '新生児聴覚検査 結果集計',
        residentCount: p.childIds.length,
        summary: `結果集計 ${p.label}`,
      });
      return { from: p.from, to: p.to, period: p.label, lines: p.lines };
    },

    async aggregatePdf(actor: Actor, from: string, to: string) {
      const p = await period(from, to);
      const { renderToBuffer } = await import('../../platform/documents/renderer.ts');
      const body = await renderToBuffer(
        hearingReportTemplate,
        [
          {
            seq: 1,
            recipient: { postalCode: '', address: '', addressExtra: '', name: '' },
            payload: { period: p.label, lines: p.lines },
          },
        ],
        { sender: await deps.sender(), issueDate: today() },
      );
      await exported(actor, p.childIds, `新生児聴覚検査 結果集計（PDF） ${p.label}`);
      return { body, fileName: `新生児聴覚検査結果集計_${p.from}_${p.to}.pdf` };
    },

    async aggregateCsv(actor: Actor, from: string, to: string, encoding: CsvEncoding) {
      const p = await period(from, to);
      const csv = toCsv(p.lines, hearingReportColumns, encoding);
      await exported(actor, p.childIds, `新生児聴覚検査 結果集計（CSV） ${p.label}`);
      return { ...csv, title: `新生児聴覚検査結果集計_${p.from}_${p.to}` };
    },
  };
}

export type HearingService = ReturnType<typeof hearingService>;
