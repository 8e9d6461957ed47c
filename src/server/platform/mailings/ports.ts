/**
 * What an area needs of the mailings engine, as types: a module depends on these, not on the service, so that it
 * can be given a test double and so that the engine's other methods stay out of its reach.
 */
import type { Actor } from '../audit/service.ts';
import type { MailingPurpose, SendMethod } from './types.ts';

/** One document for one person now, with the reason kept in the send record. */
export type ReissueRequest = {
  purpose: string;
  residentId: number;
  payload: unknown;
  fiscalYear: number | null;
  sentOn: string;
  method: SendMethod;
  reason: string;
};

export type MailingsPort = {
  registerPurpose(p: MailingPurpose): void;
  /** a mailing made from a list (or any set of people), one item per person */
  create(
    actor: Actor,
    v: {
      purpose: string;
      title: string;
      fiscalYear: number | null;
      sourceListId: number | null;
      sendDate: string;
      method: SendMethod;
      items: { residentId: number; payload: unknown }[];
    },
  ): Promise<{ id: number }>;
  /** one document for one person now (再発行, 窓口交付), with its send record */
  reissue(actor: Actor, v: ReissueRequest): Promise<{ pdf: Buffer; record: unknown }>;
};

/** Mailings made from a 対象者リスト. */
export type ListMailingsPort = Pick<MailingsPort, 'registerPurpose' | 'create'>;
/** Documents printed for one person at a time. */
export type ReissueMailingsPort = Pick<MailingsPort, 'registerPurpose' | 'reissue'>;
