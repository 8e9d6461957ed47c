/**
 * 乳幼児健診の案内・未受診者勧奨 (F07-03, F07-07): the services app.ts creates, their job handlers and routes.
 */
import type { AuditService } from '../../platform/audit/service.ts';
import type { Database } from '../../platform/db/connect.ts';
import type { ZApp } from '../../platform/http/app.ts';
import type { JobContext, JobRunner } from '../../platform/jobs/runner.ts';
import type { ListMailingsPort } from '../../platform/mailings/ports.ts';
import type { ReservationsService } from '../../platform/reservations/service.ts';
import type { ReminderCallsService } from '../adult-health/index.ts';
import { infantReminderJobKind, infantRemindersService } from './infant-reminders.ts';
import { registerInfantInvitationRoutes as registerRoutes } from './invitation-routes.ts';
import {
  infantInvitationsService,
  invitationExtractJobKind,
  invitationMailingJobKind,
} from './invitations.ts';

export function infantInvitationServices(deps: {
  database: Database;
  audit: AuditService;
  jobs: JobRunner;
  mailings: ListMailingsPort;
  reservations: ReservationsService;
  calls: ReminderCallsService;
}) {
  const invitations = infantInvitationsService(deps);
  const reminders = infantRemindersService(deps);
  const handlers: Record<string, (ctx: JobContext) => Promise<unknown>> = {
    [invitationExtractJobKind]: (ctx) => invitations.runExtraction(ctx),
    [invitationMailingJobKind]: (ctx) => invitations.runMailingJob(ctx),
    [infantReminderJobKind]: (ctx) => reminders.runMailingJob(ctx),
  };
  for (const [kind, run] of Object.entries(handlers)) deps.jobs.register(kind, run as never);
  return { invitations, reminders };
}

export function registerInfantInvitationRoutes(app: ZApp, s: ReturnType<typeof infantInvitationServices>) {
  registerRoutes(app, s);
}
