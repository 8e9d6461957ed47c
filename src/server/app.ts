import { fileURLToPath } from 'node:url';
import { templates, templatesUrl } from './document-templates.ts';
import {
  adultHealthMailings,
  allocationService,
  applicationsService,
  detailedExamsImportKind,
  detailedExamsImportTarget,
  detailedExamsService,
  detailedReminderJobKind,
  detailedRemindersService,
  eApplicationImportService,
  eApplicationJobKind,
  extractJobKind,
  mailingJobKind,
  preferenceSource,
  preferencesService,
  registerAdultHealthRoutes,
  registerApplicationRoutes,
  registerDetailedExamRoutes,
  registerEApplicationRoutes,
  registerReminderCallRoutes,
  registerReminderRoutes,
  registerResultExtraRoutes,
  registerResultNoticeRoutes,
  registerResultRoutes,
  reminderCallsService,
  reminderJobKind,
  residentScreeningService,
  resultExtrasService,
  resultNoticeJobKind,
  resultNoticesService,
  resultsImportKind,
  resultsImportTarget,
  resultsService,
  screeningRemindersService,
  targetListsService,
} from './modules/adult-health/index.ts';
import {
  infantBirthServices,
  infantDetailedImportKind,
  infantDetailedImportTarget,
  infantInvitationServices,
  infantResultServices,
  infantResultsImportKind,
  infantResultsImportTarget,
  registerInfantBirthRoutes,
  registerInfantInvitationRoutes,
  registerInfantResultServiceRoutes,
} from './modules/infant/index.ts';
import { registerMaternalCheckupRoutes } from './modules/maternal/checkup-routes.ts';
import { maternalCheckupsService } from './modules/maternal/checkups.ts';
import {
  checkupsImportKind as maternalCheckupsImportKind,
  checkupsImportTarget as maternalCheckupsImportTarget,
} from './modules/maternal/checkups-import.ts';
import {
  maternalENotifications,
  registerENotificationRoutes,
} from './modules/maternal/e-notification-routes.ts';
import { maternalPregnancies } from './modules/maternal/pregnancy-prints.ts';
import { registerPregnancyRoutes } from './modules/maternal/pregnancy-routes.ts';
import { maternalSettingsService } from './modules/maternal/settings.ts';
import { registerMaternalSettingRoutes } from './modules/maternal/settings-routes.ts';
import { programsService, registerProgramRoutes } from './modules/programs/index.ts';
import {
  importJobKind,
  registerResidentRoutes,
  residentsImportHandler,
  residentsPeople,
  residentsService,
} from './modules/residents/index.ts';
import { registerSettingsRoutes } from './modules/settings/routes.ts';
import { settingsService } from './modules/settings/service.ts';
import {
  municipalVaccinesService,
  registerMunicipalVaccineRoutes,
  registerVaccinationBookletRoutes,
  registerVaccinationListRoutes,
  registerVaccinationPrintRoutes,
  registerVaccinationRecordRoutes,
  registerVaccinationReliefRoutes,
  registerVaccinationSettingRoutes,
  registerVaccinationSpecialRoutes,
  bookletJobKind as vaccinationBookletJobKind,
  vaccinationBookletsService,
  vaccinationExtractJobKind,
  vaccinationListMailings,
  vaccinationListsService,
  vaccinationMailingJobKind,
  vaccinationPrintsService,
  recordsImportKind as vaccinationRecordsImportKind,
  recordsImportTarget as vaccinationRecordsImportTarget,
  vaccinationRecordsService,
  vaccinationReliefPrints,
  vaccinationReliefService,
  vaccinationSettingsService,
  vaccinationSpecialsService,
} from './modules/vaccination/index.ts';
import { builtinRoles, permissions } from './permissions.ts';
import { registerAuditRoutes } from './platform/audit/routes.ts';
import { auditService } from './platform/audit/service.ts';
import { registerAuthRoutes } from './platform/auth/routes.ts';
import { authService } from './platform/auth/service.ts';
import type { Config } from './platform/config/config.ts';
import { createSecretBox, type SecretBox } from './platform/crypto/secret-box.ts';
import type { Database } from './platform/db/connect.ts';
import { fileStore } from './platform/files/store.ts';
import { createHttpApp } from './platform/http/app.ts';
import { importEngine, registerImportRoutes } from './platform/imports/index.ts';
import { registerJobRoutes } from './platform/jobs/routes.ts';
import { jobRunner } from './platform/jobs/runner.ts';
import { registerMailingRoutes } from './platform/mailings/routes.ts';
import { mailingsService } from './platform/mailings/service.ts';
import { registerReservationRoutes, reservationsService } from './platform/reservations/index.ts';

export const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Services of the whole product over one database: what the HTTP app, the CLI and tests share. */
export function createServices(
  database: Database,
  config: Pick<Config, 'idleTimeoutMinutes' | 'lockoutThreshold' | 'lockoutMinutes'> & {
    printWorkers?: number;
  },
  secretKey: Buffer,
) {
  const db = database.db;
  const sealer: SecretBox = createSecretBox(secretKey);
  const audit = auditService(db);
  const auth = authService(db, config);
  const files = fileStore(db);
  const jobs = jobRunner(db, { log: (m, e) => console.error(m, e) });
  const settings = settingsService(db);
  const imports = importEngine({ database, files, jobs, audit });
  const residents = residentsService({ database, audit, sealer });
  jobs.register(importJobKind, residentsImportHandler({ database, files, audit, sealer }));
  const mailings = mailingsService({
    database,
    audit,
    files,
    jobs,
    people: residentsPeople(database),
    sender: () => settings.sender(),
    templates,
    registryUrl: templatesUrl,
    workers: config.printWorkers ?? 0,
  });
  const reservations = reservationsService({ database, audit, sender: () => settings.sender() });
  const programs = programsService({ db, audit, reservations });
  const programSettings = (fy: number) => programs.settingsForYear(fy);
  imports.register(resultsImportTarget());
  imports.register(detailedExamsImportTarget());
  imports.register(vaccinationRecordsImportTarget());
  imports.register(maternalCheckupsImportTarget());
  imports.register(infantDetailedImportTarget());
  imports.register(infantResultsImportTarget());
  const vaccinationRelief = vaccinationReliefService({ database, audit });
  const screening = residentScreeningService({ database, audit, programSettings });
  const preferences = preferencesService({ database, audit, reservations });
  const calls = reminderCallsService({ database, audit, sender: () => settings.sender() });
  const detailedExams = detailedExamsService({ database, audit, calls });
  const adult = {
    lists: targetListsService({ database, audit, jobs, programSettings }),
    screening,
    preferences,
    allocation: allocationService({ database, audit, reservations, bookingSource: preferenceSource }),
    mailings: adultHealthMailings({
      database,
      mailings,
      screening,
      programSettings,
      sessions: (fy) => preferences.sessionsOf(fy),
    }),
    results: resultsService({ database, audit, programSettings, reservations }),
    resultExtras: resultExtrasService({ database, audit }),
    calls,
    detailedExams,
    detailedReminders: detailedRemindersService({ database, jobs, mailings, detailedExams }),
    notices: resultNoticesService({ database, audit, jobs, mailings, programSettings }),
    reminders: screeningRemindersService({ database, audit, jobs, mailings, calls }),
    applications: applicationsService({
      database,
      audit,
      reservations,
      programSettings,
      reissue: (actor, v) => mailings.reissue(actor, v),
    }),
  };
  const eApplications = eApplicationImportService({
    database,
    audit,
    files,
    jobs,
    reservations,
    applications: adult.applications,
  });
  jobs.register(eApplicationJobKind, (ctx) => eApplications.run(ctx));
  jobs.register(extractJobKind, (ctx) => adult.lists.runExtraction(ctx));
  jobs.register(mailingJobKind, (ctx) => adult.mailings.runMailingJob(ctx));
  jobs.register(resultNoticeJobKind, (ctx) => adult.notices.runMailingJob(ctx));
  jobs.register(reminderJobKind, (ctx) => adult.reminders.runMailingJob(ctx));
  jobs.register(detailedReminderJobKind, (ctx) => adult.detailedReminders.runMailingJob(ctx));
  const vaccinationBooklets = vaccinationBookletsService({ database, audit, jobs, mailings });
  jobs.register(vaccinationBookletJobKind, (ctx) => vaccinationBooklets.runMailingJob(ctx));
  const vaccinationLists = vaccinationListsService({ database, audit, jobs });
  const vaccinationListMail = vaccinationListMailings({ database, mailings, jobs });
  jobs.register(vaccinationExtractJobKind, (ctx) => vaccinationLists.runExtraction(ctx));
  jobs.register(vaccinationMailingJobKind, (ctx) => vaccinationListMail.runMailingJob(ctx));
  const maternalSettings = maternalSettingsService({ database, audit });
  const maternal = maternalPregnancies({ database, audit, residents, mailings, settings: maternalSettings });
  const eNotifications = maternalENotifications({
    database,
    audit,
    files,
    jobs,
    pregnancies: maternal.pregnancies,
    residents,
    mailings,
  });
  return {
    database,
    db,
    sealer,
    audit,
    auth,
    files,
    jobs,
    imports,
    settings,
    residents,
    programs,
    reservations,
    mailings,
    adult: { ...adult, eApplications },
    maternalCheckups: maternalCheckupsService({ database, audit }),
    maternalSettings,
    maternal: { ...maternal, eNotifications },
    vaccination: {
      records: vaccinationRecordsService({ database, audit }),
      prints: vaccinationPrintsService({ database, mailings }),
      relief: vaccinationRelief,
      reliefPrints: vaccinationReliefPrints({
        database,
        audit,
        relief: vaccinationRelief,
        sender: () => settings.sender(),
      }),
      specials: vaccinationSpecialsService({ database, audit }),
      settings: vaccinationSettingsService({ database, audit }),
      municipal: municipalVaccinesService({ database, audit }),
      booklets: vaccinationBooklets,
      lists: vaccinationLists,
      listMailings: vaccinationListMail,
    },
    infantBirths: infantBirthServices({ database, audit, residents, sender: () => settings.sender() }),
    infantResults: infantResultServices({ database, audit, reservations, mailings }),
    infantInvitations: infantInvitationServices({ database, audit, jobs, mailings, reservations, calls }),
  };
}

export type Services = ReturnType<typeof createServices>;

/** First-start set-up shared by every entry point: built-in roles and default settings. */
export async function bootstrap(s: Services): Promise<void> {
  await s.auth.ensureRoles(builtinRoles);
  await s.settings.ensureDefaults();
}

export async function createHttp(
  s: Services,
  config: Pick<Config, 'secureCookies' | 'logLevel'>,
  opts: { web?: boolean } = {},
) {
  const permissionLabels: Record<string, string> = permissions;
  const app = await createHttpApp({
    auth: s.auth,
    audit: s.audit,
    permissionLabel: (p) => permissionLabels[p],
    secureCookies: config.secureCookies,
    webRoot: opts.web === false ? undefined : webRoot,
    logLevel: config.logLevel,
  });
  registerAuthRoutes(app, {
    auth: s.auth,
    audit: s.audit,
    secureCookies: config.secureCookies,
    permissionLabels,
  });
  registerAuditRoutes(app, { audit: s.audit });
  registerJobRoutes(app, { jobs: s.jobs });
  registerSettingsRoutes(app, { settings: s.settings, audit: s.audit });
  registerResidentRoutes(app, {
    residents: s.residents,
    jobs: s.jobs,
    files: s.files,
    db: s.db,
    audit: s.audit,
  });
  registerProgramRoutes(app, { programs: s.programs, audit: s.audit });
  registerMailingRoutes(app, { mailings: s.mailings });
  registerReservationRoutes(app, { reservations: s.reservations });
  registerAdultHealthRoutes(app, { ...s.adult, jobs: s.jobs });
  registerApplicationRoutes(app, { applications: s.adult.applications });
  registerEApplicationRoutes(app, { eApplications: s.adult.eApplications, files: s.files });
  registerResultRoutes(app, { results: s.adult.results });
  registerVaccinationRecordRoutes(app, { records: s.vaccination.records });
  registerVaccinationPrintRoutes(app, { prints: s.vaccination.prints });
  registerVaccinationReliefRoutes(app, { relief: s.vaccination.relief, prints: s.vaccination.reliefPrints });
  registerVaccinationSpecialRoutes(app, { specials: s.vaccination.specials });
  registerVaccinationSettingRoutes(app, { settings: s.vaccination.settings });
  registerMunicipalVaccineRoutes(app, { municipal: s.vaccination.municipal });
  registerVaccinationBookletRoutes(app, { booklets: s.vaccination.booklets });
  registerVaccinationListRoutes(app, { lists: s.vaccination.lists, mailings: s.vaccination.listMailings });
  registerInfantBirthRoutes(app, s.infantBirths);
  registerInfantResultServiceRoutes(app, s.infantResults);
  registerInfantInvitationRoutes(app, s.infantInvitations);
  registerImportRoutes(app, {
    imports: s.imports,
    files: s.files,
    base: '/api/infant/detailed-imports',
    kind: infantDetailedImportKind,
    view: 'infant.edit',
    edit: 'infant.edit',
    screen: '母子保健 乳幼児精密健診結果の取込',
  });
  registerImportRoutes(app, {
    imports: s.imports,
    files: s.files,
    base: '/api/infant/result-imports',
    kind: infantResultsImportKind,
    view: 'infant.edit',
    edit: 'infant.edit',
    screen: '母子保健 乳幼児健診結果の取込',
  });
  registerImportRoutes(app, {
    imports: s.imports,
    files: s.files,
    base: '/api/vaccination/imports',
    kind: vaccinationRecordsImportKind,
    view: 'vaccination.edit',
    edit: 'vaccination.edit',
    screen: '予防接種 接種結果の取込',
  });
  registerResultExtraRoutes(app, { resultExtras: s.adult.resultExtras });
  registerDetailedExamRoutes(app, {
    detailedExams: s.adult.detailedExams,
    detailedReminders: s.adult.detailedReminders,
  });
  registerReminderCallRoutes(app, { calls: s.adult.calls });
  registerResultNoticeRoutes(app, { notices: s.adult.notices });
  registerReminderRoutes(app, { reminders: s.adult.reminders });
  registerImportRoutes(app, {
    imports: s.imports,
    files: s.files,
    base: '/api/adult/results/imports',
    kind: resultsImportKind,
    view: 'adult.view',
    edit: 'adult.edit',
    screen: '成人保健 検診結果の取込',
  });
  registerImportRoutes(app, {
    imports: s.imports,
    files: s.files,
    base: '/api/adult/detailed-exams/imports',
    kind: detailedExamsImportKind,
    view: 'adult.view',
    edit: 'adult.edit',
    screen: '成人保健 精密検査結果の取込',
  });
  registerMaternalCheckupRoutes(app, { checkups: s.maternalCheckups });
  registerMaternalSettingRoutes(app, { settings: s.maternalSettings });
  registerPregnancyRoutes(app, s.maternal);
  registerENotificationRoutes(app, { eNotifications: s.maternal.eNotifications, files: s.files });
  registerImportRoutes(app, {
    imports: s.imports,
    files: s.files,
    base: '/api/maternal/checkups/imports',
    kind: maternalCheckupsImportKind,
    view: 'maternal.edit',
    edit: 'maternal.edit',
    screen: '母子保健 妊婦・産婦健診の結果の取込',
  });
  await app.ready();
  return app;
}
