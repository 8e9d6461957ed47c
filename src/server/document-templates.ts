/**
 * The application's template registry: every document template of every module, by code. The documents
 * engine loads this module by URL (also inside its worker threads), so it must stay free of side effects.
 */

import { callListTemplate } from './modules/adult-health/call-list-document.ts';
import { detailedReminderTemplate } from './modules/adult-health/detailed-reminder-document.ts';
import { surveyTemplate, ticketTemplate } from './modules/adult-health/documents.ts';
import { reminderTemplate } from './modules/adult-health/reminder-document.ts';
import { resultNoticeTemplate } from './modules/adult-health/result-notice-document.ts';
import { hearingReportTemplate } from './modules/infant/hearing-report.ts';
import { infantReminderTemplate, invitationTemplate } from './modules/infant/invitation-document.ts';
import { referralTemplate as infantReferralTemplate } from './modules/infant/referral-document.ts';
import { handbookMailTemplate } from './modules/maternal/handbook-mail-document.ts';
import { notificationSheetTemplate, voucherSetTemplate } from './modules/maternal/voucher-document.ts';
import { bookletTemplate } from './modules/vaccination/booklet-document.ts';
import { certificateTemplate } from './modules/vaccination/certificate-document.ts';
import { formTemplate } from './modules/vaccination/form-document.ts';
import { reliefForwardTemplate, reliefNoticeTemplate } from './modules/vaccination/relief-notice-document.ts';
import { vaccinationReminderTemplate } from './modules/vaccination/reminder-letter.ts';
import type { TemplateRegistry } from './platform/documents/types.ts';
import { rosterTemplate } from './platform/reservations/roster.ts';

export const templates: TemplateRegistry = {
  [ticketTemplate.code]: ticketTemplate,
  [surveyTemplate.code]: surveyTemplate,
  [rosterTemplate.code]: rosterTemplate,
  [resultNoticeTemplate.code]: resultNoticeTemplate,
  [reminderTemplate.code]: reminderTemplate,
  [detailedReminderTemplate.code]: detailedReminderTemplate,
  [callListTemplate.code]: callListTemplate,
  [certificateTemplate.code]: certificateTemplate,
  [formTemplate.code]: formTemplate,
  [reliefNoticeTemplate.code]: reliefNoticeTemplate,
  [reliefForwardTemplate.code]: reliefForwardTemplate,
  [vaccinationReminderTemplate.code]: vaccinationReminderTemplate,
  [bookletTemplate.code]: bookletTemplate,
  [voucherSetTemplate.code]: voucherSetTemplate,
  [notificationSheetTemplate.code]: notificationSheetTemplate,
  [handbookMailTemplate.code]: handbookMailTemplate,
  [hearingReportTemplate.code]: hearingReportTemplate,
  [infantReferralTemplate.code]: infantReferralTemplate,
  [invitationTemplate.code]: invitationTemplate,
  [infantReminderTemplate.code]: infantReminderTemplate,
};

export const templatesUrl = new URL(import.meta.url);
