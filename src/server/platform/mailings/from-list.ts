/**
 * A mailing made from a 対象者リスト, as the body of an area's job: every included entry in print order (郵便番号順),
 * its payload made by the area batch by batch with progress, then one mailing (引き抜き, printing and send records
 * follow in the mailings engine). It knows no business: the area gives the purpose, the document's name and the
 * payloads.
 */
import type { Actor } from '../audit/service.ts';
import { formatWareki } from '../calendar/index.ts';
import type { Database } from '../db/connect.ts';
import { badRequest } from '../errors/app-error.ts';
import { type EntryRow, type TargetListRow, targetListsRepository } from '../extraction/repository.ts';
import type { JobContext } from '../jobs/runner.ts';
import type { ListMailingsPort } from './ports.ts';
import type { SendMethod } from './types.ts';

export type MailingItem = { residentId: number; payload: unknown };

export async function mailingFromList(
  ctx: JobContext,
  deps: { database: Database; mailings: ListMailingsPort },
  o: {
    actor: Actor;
    list: TargetListRow;
    purpose: string;
    /** the document, e.g. 受診票（券）: it names the mailing 「<list> <what>（<発送日>発送）」 */
    what: string;
    sendDate: string;
    method: SendMethod;
    /** the payloads of one batch of included entries (a person may be left out) */
    payloads(rows: EntryRow[]): Promise<MailingItem[]> | MailingItem[];
  },
) {
  const { list } = o;
  const lists = targetListsRepository(deps.database);
  const total = Number((list.counts as { included?: number }).included ?? 0);
  const items: MailingItem[] = [];
  for await (const rows of lists.includedInOrder(list.id)) {
    items.push(...(await o.payloads(rows)));
    await ctx.progress(items.length, total, `${items.length.toLocaleString('ja-JP')}人分を作成しました`);
  }
  if (items.length === 0) throw badRequest('送付する対象者がいません。');
  const mailing = await deps.mailings.create(o.actor, {
    purpose: o.purpose,
    title: `${list.title} ${o.what}（${formatWareki(o.sendDate)}発送）`,
    fiscalYear: list.fiscalYear,
    sourceListId: list.id,
    sendDate: o.sendDate,
    method: o.method,
    items,
  });
  return {
    message: `郵送物を作成しました（${items.length.toLocaleString('ja-JP')}人）`,
    result: { mailingId: mailing.id },
  };
}
