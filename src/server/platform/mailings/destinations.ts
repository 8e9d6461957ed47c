/** 送付先 (代理人・施設) of mailingsService: a resident's other addresses, by period, never overlapping. */
import type { Actor } from '../audit/service.ts';
import { formatWareki, isValidDate } from '../calendar/index.ts';
import { badRequest, conflict, notFound } from '../errors/app-error.ts';
import type { MailingsContext } from './context.ts';
import type { DestinationInput, DestinationRow } from './repository.ts';
import { hiddenAddressText, maskRecord, periodsOverlap } from './rules.ts';
import { destinationKinds } from './types.ts';

export type DestinationView = DestinationRow & { kindLabel: string; hidden: boolean };

export type SaveDestinationInput = {
  kind: string;
  name: string;
  postalCode: string;
  address: string;
  addressExtra?: string;
  validFrom: string;
  validUntil?: string | null;
  note?: string;
};

/** 送付先 of mailingsService: list, add or change, end. */
export function mailingsDestinations(core: MailingsContext) {
  const { audit, repo, mustPerson } = core;

  function validateDestination(v: SaveDestinationInput): DestinationInput {
    const kind = v.kind;
    if (!(kind in destinationKinds) || kind === 'resident') {
      throw badRequest('送付先の種別は「代理人」「施設」「その他」から選んでください。');
    }
    const name = v.name.trim();
    if (!name) throw badRequest('送付先の宛名（代理人の氏名または施設名）を入力してください。');
    const postalCode = v.postalCode.replace(/[-－\s]/g, '');
    if (postalCode !== '' && !/^\d{7}$/.test(postalCode)) {
      throw badRequest('郵便番号は7桁の数字で入力してください（例: 123-4567）。');
    }
    const address = v.address.trim();
    if (!address || address === hiddenAddressText) throw badRequest('送付先の住所を入力してください。');
    if (!isValidDate(v.validFrom)) throw badRequest('開始日を正しく入力してください（例: R8.4.1）。');
    const validUntil = v.validUntil || null;
    if (validUntil !== null && !isValidDate(validUntil)) throw badRequest('終了日を正しく入力してください。');
    if (validUntil !== null && validUntil < v.validFrom) {
      throw badRequest('終了日は開始日と同じか、それより後の日付を入力してください。');
    }
    return {
      kind,
      name,
      postalCode,
      address,
      addressExtra: (v.addressExtra ?? '').trim(),
      validFrom: v.validFrom,
      validUntil,
      note: (v.note ?? '').trim(),
    };
  }

  async function assertNoOverlap(residentId: number, v: DestinationInput, exceptId?: number) {
    const others = (await repo.destinations(residentId)).filter((d) => d.active && d.id !== exceptId);
    const hit = others.find((d) => periodsOverlap(d, v));
    if (hit) {
      const until = hit.validUntil ? formatWareki(hit.validUntil) : '';
      throw badRequest(
        `期間が重なる送付先（${hit.name}、${formatWareki(hit.validFrom)}〜${until}）があります。先にその送付先を終了するか、期間を変えてください。`,
      );
    }
  }

  function destinationView(d: DestinationRow, hidden: boolean): DestinationView {
    return {
      ...maskRecord(d, hidden),
      kindLabel: destinationKinds[d.kind as keyof typeof destinationKinds] ?? d.kind,
      hidden,
    };
  }

  return {
    /** 送付先 (代理人・施設) of a resident, newest first (支援措置: addresses hidden). */
    async destinations(
      actor: Actor,
      residentId: number,
    ): Promise<{ hidden: boolean; destinations: DestinationView[] }> {
      const person = await mustPerson(residentId);
      const rows = await repo.destinations(residentId);
      await audit.record(actor, {
        action: 'view',
        screen: '送付先',
        residentIds: [residentId],
        summary: `送付先 ${rows.length}件`,
      });
      return {
        hidden: person.supportMeasure,
        destinations: rows.map((d) => destinationView(d, person.supportMeasure)),
      };
    },

    /** Adds a 送付先 (no id) or changes one (id + version); periods of one resident may not overlap. */
    async saveDestination(
      actor: Actor,
      residentId: number,
      input: SaveDestinationInput & { id?: number },
      version?: number,
    ): Promise<DestinationView> {
      const person = await mustPerson(residentId);
      const v = validateDestination(input);
      let saved: DestinationRow;
      if (input.id === undefined) {
        await assertNoOverlap(residentId, v);
        saved = await repo.insertDestination(residentId, v, actor.userId);
      } else {
        const cur = await repo.destination(input.id);
        if (!cur || Number(cur.residentId) !== residentId) throw notFound('送付先');
        if (version === undefined)
          throw badRequest('送付先の版（version）がありません。画面を再読み込みしてください。');
        await assertNoOverlap(residentId, v, cur.id);
        const next = await repo.updateDestination(cur.id, version, v);
        if (!next) {
          throw conflict(
            'この送付先',
            destinationView((await repo.destination(cur.id)) ?? cur, person.supportMeasure),
          );
        }
        saved = next;
      }
      await audit.record(actor, {
        action: 'change',
        screen: '送付先',
        residentIds: [residentId],
        sensitive: person.supportMeasure,
        summary: `送付先${input.id === undefined ? '登録' : '修正'} ${destinationKinds[v.kind as keyof typeof destinationKinds]} ${v.name}`,
        detail: { destinationId: saved.id },
      });
      return destinationView(saved, person.supportMeasure);
    },

    /** Ends a 送付先 on `validUntil` (the day it last applies). */
    async endDestination(
      actor: Actor,
      residentId: number,
      destinationId: number,
      v: { validUntil: string; version: number },
    ): Promise<DestinationView> {
      const person = await mustPerson(residentId);
      const cur = await repo.destination(destinationId);
      if (!cur || Number(cur.residentId) !== residentId) throw notFound('送付先');
      if (!isValidDate(v.validUntil)) throw badRequest('終了日を正しく入力してください（例: R8.6.30）。');
      if (v.validUntil < cur.validFrom) {
        throw badRequest(
          `終了日は開始日（${formatWareki(cur.validFrom)}）と同じか、それより後の日付を入力してください。`,
        );
      }
      const next = await repo.updateDestination(cur.id, v.version, { ...cur, validUntil: v.validUntil });
      if (!next) {
        throw conflict(
          'この送付先',
          destinationView((await repo.destination(cur.id)) ?? cur, person.supportMeasure),
        );
      }
      await audit.record(actor, {
        action: 'change',
        screen: '送付先',
        residentIds: [residentId],
        summary: `送付先終了 ${cur.name} ${v.validUntil}`,
        detail: { destinationId },
      });
      return destinationView(next, person.supportMeasure);
    },
  };
}
