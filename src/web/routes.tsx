/**
 * The screens behind a permission, with the permission each needs (the server checks every API call again;
 * this only keeps a user from a screen that would answer 403). App.tsx renders them inside the Layout.
 */
import type { ReactNode } from 'react';
import { AdminScreen } from './screens/AdminScreen.tsx';
import { AdultHomeScreen } from './screens/AdultHomeScreen.tsx';
import { ApplicationNewScreen } from './screens/ApplicationNewScreen.tsx';
import { ApplicationsScreen } from './screens/ApplicationsScreen.tsx';
import { AuditScreen } from './screens/AuditScreen.tsx';
import { ChildCardScreen } from './screens/ChildCardScreen.tsx';
import { ChildrenScreen } from './screens/ChildrenScreen.tsx';
import { DetailedExamImportScreen } from './screens/DetailedExamImportScreen.tsx';
import { DetailedExamsScreen } from './screens/DetailedExamsScreen.tsx';
import { EApplicationsScreen } from './screens/EApplicationsScreen.tsx';
import { ENotificationsScreen } from './screens/ENotificationsScreen.tsx';
import { InfantCheckupsScreen } from './screens/InfantCheckupsScreen.tsx';
import { InfantResultsScreen } from './screens/InfantResultsScreen.tsx';
import { JobsScreen } from './screens/JobsScreen.tsx';
import { MailingScreen } from './screens/MailingScreen.tsx';
import { MailingsScreen } from './screens/MailingsScreen.tsx';
import { MaternalCheckupsScreen } from './screens/MaternalCheckupsScreen.tsx';
import { MaternalSettingsScreen } from './screens/MaternalSettingsScreen.tsx';
import { MunicipalVaccinesScreen } from './screens/MunicipalVaccinesScreen.tsx';
import { PreferencesScreen } from './screens/PreferencesScreen.tsx';
import { PregnanciesScreen } from './screens/PregnanciesScreen.tsx';
import { PregnancyScreen } from './screens/PregnancyScreen.tsx';
import { ProgramsScreen } from './screens/ProgramsScreen.tsx';
import { ReceptionScreen } from './screens/ReceptionScreen.tsx';
import { ReliefCaseScreen } from './screens/ReliefCaseScreen.tsx';
import { ReliefCasesScreen } from './screens/ReliefCasesScreen.tsx';
import { RemindersScreen } from './screens/RemindersScreen.tsx';
import { ReservationsScreen } from './screens/ReservationsScreen.tsx';
import { ResidentNewScreen } from './screens/ResidentNewScreen.tsx';
import { ResidentScreen } from './screens/ResidentScreen.tsx';
import { ResidentSearchScreen } from './screens/ResidentSearchScreen.tsx';
import { ResultEntryScreen } from './screens/ResultEntryScreen.tsx';
import { ResultImportScreen } from './screens/ResultImportScreen.tsx';
import { ResultItemsScreen } from './screens/ResultItemsScreen.tsx';
import { ResultNoticesScreen } from './screens/ResultNoticesScreen.tsx';
import { TargetListScreen } from './screens/TargetListScreen.tsx';
import { VaccinationBookletsScreen } from './screens/VaccinationBookletsScreen.tsx';
import { VaccinationImportScreen } from './screens/VaccinationImportScreen.tsx';
import { VaccinationListScreen } from './screens/VaccinationListScreen.tsx';
import { VaccinationListsScreen } from './screens/VaccinationListsScreen.tsx';
import { VaccinationScreen } from './screens/VaccinationScreen.tsx';

export type ProtectedRoute = { path: string; permissions: string[]; element: ReactNode };

export const protectedRoutes: ProtectedRoute[] = [
  { path: '/residents', permissions: ['residents.search'], element: <ResidentSearchScreen /> },
  { path: '/residents/new', permissions: ['residents.edit'], element: <ResidentNewScreen /> },
  { path: '/residents/:id', permissions: ['residents.view'], element: <ResidentScreen /> },
  { path: '/jobs', permissions: ['jobs.view', 'residents.import'], element: <JobsScreen /> },
  { path: '/audit', permissions: ['audit.view'], element: <AuditScreen /> },
  { path: '/admin', permissions: ['users.manage', 'settings.edit'], element: <AdminScreen /> },
  { path: '/adult/programs', permissions: ['programs.view'], element: <ProgramsScreen /> },
  { path: '/adult/result-items', permissions: ['programs.view'], element: <ResultItemsScreen /> },
  { path: '/adult', permissions: ['adult.view'], element: <AdultHomeScreen /> },
  { path: '/adult/lists/:id', permissions: ['adult.view'], element: <TargetListScreen /> },
  { path: '/adult/applications', permissions: ['adult.view'], element: <ApplicationsScreen /> },
  { path: '/adult/applications/new', permissions: ['adult.view'], element: <ApplicationNewScreen /> },
  { path: '/adult/reminders', permissions: ['adult.view'], element: <RemindersScreen /> },
  { path: '/adult/results/notices', permissions: ['adult.view'], element: <ResultNoticesScreen /> },
  { path: '/adult/detailed-exams', permissions: ['adult.view'], element: <DetailedExamsScreen /> },
  { path: '/adult/results', permissions: ['adult.view'], element: <ResultEntryScreen /> },
  { path: '/adult/results/imports', permissions: ['adult.view'], element: <ResultImportScreen /> },
  {
    path: '/adult/detailed-exams/imports',
    permissions: ['adult.view'],
    element: <DetailedExamImportScreen />,
  },
  { path: '/adult/e-applications', permissions: ['adult.view'], element: <EApplicationsScreen /> },
  { path: '/adult/preferences', permissions: ['adult.view'], element: <PreferencesScreen /> },
  { path: '/reservations', permissions: ['reservations.view'], element: <ReservationsScreen /> },
  { path: '/reservations/sessions/:id', permissions: ['reservations.view'], element: <ReceptionScreen /> },
  { path: '/mailings', permissions: ['mailings.view'], element: <MailingsScreen /> },
  { path: '/mailings/:id', permissions: ['mailings.view'], element: <MailingScreen /> },
  { path: '/maternal', permissions: ['maternal.view'], element: <PregnanciesScreen /> },
  { path: '/maternal/e-notifications', permissions: ['maternal.view'], element: <ENotificationsScreen /> },
  { path: '/maternal/pregnancies/:id', permissions: ['maternal.view'], element: <PregnancyScreen /> },
  { path: '/maternal/children', permissions: ['infant.view'], element: <ChildrenScreen /> },
  { path: '/maternal/children/:id', permissions: ['infant.view'], element: <ChildCardScreen /> },
  { path: '/maternal/checkups', permissions: ['maternal.edit'], element: <MaternalCheckupsScreen /> },
  { path: '/maternal/settings', permissions: ['programs.view'], element: <MaternalSettingsScreen /> },
  { path: '/maternal/infant-results', permissions: ['infant.edit'], element: <InfantResultsScreen /> },
  { path: '/maternal/infant-checkups', permissions: ['infant.view'], element: <InfantCheckupsScreen /> },
  { path: '/vaccination', permissions: ['vaccination.view'], element: <VaccinationScreen /> },
  { path: '/vaccination/relief', permissions: ['vaccination.relief'], element: <ReliefCasesScreen /> },
  { path: '/vaccination/relief/:id', permissions: ['vaccination.relief'], element: <ReliefCaseScreen /> },
  { path: '/vaccination/municipal', permissions: ['programs.edit'], element: <MunicipalVaccinesScreen /> },
  {
    path: '/vaccination/booklets',
    permissions: ['vaccination.extract'],
    element: <VaccinationBookletsScreen />,
  },
  { path: '/vaccination/lists', permissions: ['vaccination.extract'], element: <VaccinationListsScreen /> },
  {
    path: '/vaccination/lists/:id',
    permissions: ['vaccination.extract'],
    element: <VaccinationListScreen />,
  },
  { path: '/vaccination/imports', permissions: ['vaccination.edit'], element: <VaccinationImportScreen /> },
];
