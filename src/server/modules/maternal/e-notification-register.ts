/**
 * 妊娠届（電子申請）の登録と送付 (F06-02 手順3〜10): a received notification is registered by the same registration
 * as at the counter (pregnancies.ts: the pregnancy with its アンケート, one 母子健康手帳 per fetus, the 受診券 IDs, the
 * フォロー対象 when flags are confirmed) for the mother the nurse confirmed — or for a new 住登外者 made from the
 * notification — with the 面談 request (来庁依頼) and the 交付方法. Those to be mailed then go out as one mailing
 * (母子健康手帳等の送付: cover letter + 受診券, 宛名シール, send records in the mailings engine).
 *
 * One pregnancy per 申請番号: the 申請番号 is kept in the pregnancy's details, and a registration interrupted after
 * the pregnancy was made links that pregnancy instead of making a second. Two nurses registering the same
 * notification: the row is claimed at the version read (the second gets 409).
 */
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { formatWareki, today } from '../../platform/calendar/index.ts';
import type { Database } from '../../platform/db/connect.ts';
import { AppError, badRequest, conflict } from '../../platform/errors/app-error.ts';
import type { ListMailingsPort } from '../../platform/mailings/ports.ts';
import type { ManualResidentInput } from '../residents/index.ts';
import type { ENotificationImportService } from './e-notifications.ts';
import { eNotificationScreen } from './e-notifications.ts';
import { type HandbookMailPayload, handbookMailPurpose } from './handbook-mail-document.ts';
import type { PregnanciesService } from './pregnancies.ts';

export type ENotificationRegistration = {
  version: number;
  /** the mother: a resident picked from the candidates (or searched), or null with `createNonResident` */
  residentId: number | null;
  createNonResident: boolean;
  riskFlags: string[];
  specificPregnant: boolean;
  delivery: 'mail' | 'visit';
  /** 面談のため来庁依頼 (手順4, 必要に応じて) */
  interview: { requested: boolean; note: string };
};

/** The residents module's 住登外者登録. */
export type NonResidentPort = {
  registerManual(actor: Actor, v: ManualResidentInput): Promise<{ id: number }>;
};

const notPending = () =>
  new AppError(409, 'NOT_PENDING', 'この届出は未登録ではありません。一覧を読み込み直してください。');

export function eNotificationRegistrar(deps: {
  database: Database;
  audit: AuditService;
  notifications: ENotificationImportService;
  pregnancies: PregnanciesService;
  residents: NonResidentPort;
  mailings: ListMailingsPort;
}) {
  const { database, audit, notifications } = deps;
  deps.mailings.registerPurpose({
    code: handbookMailPurpose,
    title: '母子健康手帳等の送付',
    template: handbookMailPurpose,
    allowedStatuses: ['resident', 'non_registered'],
  });

  /** The pregnancy an interrupted registration of this 申請 made, if any. */
  async function madeBefore(applicationNo: string) {
    const [p] = await database.query<{ id: number; notification_no: string; mother_resident_id: number }>(
      `SELECT id, notification_no, mother_resident_id FROM pregnancies WHERE details->>'eApplicationNo' = $1`,
      [applicationNo],
    );
    return p
      ? {
          id: Number(p.id),
          notificationNo: p.notification_no,
          motherResidentId: Number(p.mother_resident_id),
        }
      : null;
  }

  return {
    /** 妊娠届出情報登録 for a received notification; returns the notification as registered. */
    async register(actor: Actor, id: number, v: ENotificationRegistration) {
      const r = await notifications.get(actor, id);
      if (r.outcome !== 'pending') throw notPending();
      if (r.version !== v.version) throw conflict('この届出', r);
      if (!v.createNonResident && !v.residentId)
        throw badRequest('届出者（母）を候補から選ぶか、住登外者として登録してください。');
      // claim the row at the version read; given back if the registration is refused
      const [claimed] = await database.query<{ version: number }>(
        `UPDATE pregnancy_e_notifications SET version = version + 1, updated_by = $3, updated_at = now()
         WHERE id = $1 AND version = $2 AND outcome = 'pending' RETURNING version`,
        [id, v.version, actor.userId],
      );
      if (!claimed) throw conflict('この届出', r);
      const release = () =>
        database.query(
          `UPDATE pregnancy_e_notifications SET version = version - 1 WHERE id = $1 AND version = $2 AND outcome = 'pending'`,
          [id, claimed.version],
        );
      const d = r.data;
      let pregnancy: { id: number; notificationNo: string; motherResidentId: number };
      try {
        const before = await madeBefore(r.applicationNo);
        if (before) pregnancy = before;
        else {
          const motherResidentId = v.createNonResident
            ? (
                await deps.residents.registerManual(actor, {
                  name: d.name,
                  nameKana: d.nameKana,
                  birthDate: d.birthDate,
                  sex: '2',
                  postalCode: d.postalCode,
                  address: d.address,
                  addressExtra: '',
                  phone: d.phone,
                  note: `妊娠届（電子申請 ${r.applicationNo}）から登録`,
                })
              ).id
            : v.residentId!;
          const made = await deps.pregnancies.register(actor, {
            motherResidentId,
            notifiedOn: d.notifiedOn,
            dueDate: d.dueDate,
            weeks: d.dueDate ? null : d.weeks,
            days: d.dueDate ? null : d.days,
            fetusCount: d.fetusCount,
            source: 'e_application',
            movedIn: null,
            diagnosedBy: d.diagnosedBy,
            diagnosisInstitution: d.diagnosisInstitution,
            stdTbCheckup: d.stdTbCheckup,
            occupation: d.occupation,
            questionnaire: d.questionnaire,
            riskFlags: v.riskFlags,
            specificPregnant: v.specificPregnant,
            interview: v.interview.requested ? { requested_on: today(), request_note: v.interview.note } : {},
            note: d.note,
            eApplicationNo: r.applicationNo,
          });
          pregnancy = { id: made.id, notificationNo: made.notificationNo, motherResidentId };
        }
      } catch (e) {
        await release();
        throw e;
      }
      await database.query(
        `UPDATE pregnancy_e_notifications SET outcome = 'registered', resident_id = $2, pregnancy_id = $3,
           delivery = $4, outcome_message = $5, version = version + 1, updated_by = $6, updated_at = now()
         WHERE id = $1`,
        [
          id,
          pregnancy.motherResidentId,
          pregnancy.id,
          v.delivery,
          `登録（妊娠届 ${pregnancy.notificationNo}${v.interview.requested ? '・面談依頼' : ''}・${v.delivery === 'mail' ? '郵送' : '来庁時に交付'}）`,
          actor.userId,
        ],
      );
      await audit.record(actor, {
        action: 'change',
        screen: eNotificationScreen,
        residentIds: [pregnancy.motherResidentId],
        summary: `妊娠届（電子申請） ${r.applicationNo} を登録（妊娠届 ${pregnancy.notificationNo}）`,
      });
      return notifications.get(actor, id);
    },

    /**
     * 母子手帳送付 (手順7〜9): the registered notifications to mail, as one mailing of the cover letter and the
     * 受診券 still usable; the notifications remember the mailing (宛名シール, printing and send records are the
     * mailing screen's).
     */
    async mail(actor: Actor, v: { ids: number[]; sendDate: string }) {
      const rows = (await notifications.list(actor, 'toMail')).filter((r) => v.ids.includes(r.id));
      if (rows.length !== v.ids.length)
        throw new AppError(
          409,
          'NOT_TO_MAIL',
          '送付できない届出が含まれています（未登録・来庁時交付・送付済み）。一覧を読み込み直してください。',
        );
      if (!rows.length) throw badRequest('送付する届出を選んでください。');
      const items = [];
      for (const r of rows) {
        const p = await deps.pregnancies.get(actor, r.pregnancyId!);
        const vouchers = p.vouchers.filter((x) => x.status === 'issued');
        const interview = p.pregnancy.interview as { requested_on?: string; request_note?: string };
        const payload: HandbookMailPayload = {
          notificationNo: p.pregnancy.notificationNo,
          notifiedOn: formatWareki(p.pregnancy.notifiedOn),
          dueDate: formatWareki(p.pregnancy.dueDate),
          handbookNos: p.handbooks.filter((h) => h.kind !== 'moved_in').map((h) => h.handbookNo),
          interview: interview.requested_on ? { note: interview.request_note ?? '' } : null,
          vouchers: {
            name: p.mother.name ?? '',
            nameKana: p.mother.nameKana ?? '',
            birthDate: p.mother.birthDate ?? '',
            atenaNo: p.mother.atenaNo ?? '',
            dueDate: p.pregnancy.dueDate,
            notificationNo: p.pregnancy.notificationNo,
            vouchers: vouchers.map((x) => ({
              voucherNo: x.voucherNo,
              kindLabel: x.kindLabel,
              seq: x.seq,
              limitYen: x.limitYen,
            })),
          },
        };
        items.push({ residentId: p.pregnancy.motherResidentId, payload });
      }
      const mailing = await deps.mailings.create(actor, {
        purpose: handbookMailPurpose,
        title: `母子健康手帳等の送付（${formatWareki(v.sendDate)}発送・${items.length}人）`,
        fiscalYear: null,
        sourceListId: null,
        sendDate: v.sendDate,
        method: 'post',
        items,
      });
      await database.query(
        `UPDATE pregnancy_e_notifications SET mailing_id = $2, version = version + 1, updated_by = $3,
           updated_at = now() WHERE id = ANY($1::bigint[])`,
        [rows.map((r) => r.id), mailing.id, actor.userId],
      );
      await audit.record(actor, {
        action: 'change',
        screen: eNotificationScreen,
        residentIds: items.map((i) => i.residentId),
        summary: `母子健康手帳等の送付を作成（${items.length}人）`,
      });
      return { mailingId: mailing.id, count: items.length };
    },
  };
}

export type ENotificationRegistrar = ReturnType<typeof eNotificationRegistrar>;
