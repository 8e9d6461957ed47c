import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { ComingSoon, NotFound } from './components/ComingSoon.tsx';
import { Layout, RequirePermission } from './components/Layout.tsx';
import { homePath, useAuth } from './lib/auth.tsx';
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
import { LoginScreen } from './screens/LoginScreen.tsx';
import { MailingScreen } from './screens/MailingScreen.tsx';
import { MailingsScreen } from './screens/MailingsScreen.tsx';
import { MaternalCheckupsScreen } from './screens/MaternalCheckupsScreen.tsx';
import { MaternalSettingsScreen } from './screens/MaternalSettingsScreen.tsx';
import { MunicipalVaccinesScreen } from './screens/MunicipalVaccinesScreen.tsx';
import { PasswordScreen } from './screens/PasswordScreen.tsx';
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

function Home() {
  const { user, loading } = useAuth();
  if (loading) {
    return (
      <Center h="50vh">
        <Loader aria-label="読み込み中" />
      </Center>
    );
  }
  return <Navigate to={user ? homePath(user) : '/login'} replace />;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginScreen />} />
      <Route path="/password" element={<PasswordScreen />} />
      <Route element={<Layout />}>
        <Route index element={<Home />} />
        <Route
          path="/residents"
          element={
            <RequirePermission permissions={['residents.search']}>
              <ResidentSearchScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/residents/new"
          element={
            <RequirePermission permissions={['residents.edit']}>
              <ResidentNewScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/residents/:id"
          element={
            <RequirePermission permissions={['residents.view']}>
              <ResidentScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/jobs"
          element={
            <RequirePermission permissions={['jobs.view', 'residents.import']}>
              <JobsScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/audit"
          element={
            <RequirePermission permissions={['audit.view']}>
              <AuditScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/admin"
          element={
            <RequirePermission permissions={['users.manage', 'settings.edit']}>
              <AdminScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/adult/programs"
          element={
            <RequirePermission permissions={['programs.view']}>
              <ProgramsScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/adult/result-items"
          element={
            <RequirePermission permissions={['programs.view']}>
              <ResultItemsScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/adult"
          element={
            <RequirePermission permissions={['adult.view']}>
              <AdultHomeScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/adult/lists/:id"
          element={
            <RequirePermission permissions={['adult.view']}>
              <TargetListScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/adult/applications"
          element={
            <RequirePermission permissions={['adult.view']}>
              <ApplicationsScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/adult/applications/new"
          element={
            <RequirePermission permissions={['adult.view']}>
              <ApplicationNewScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/adult/reminders"
          element={
            <RequirePermission permissions={['adult.view']}>
              <RemindersScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/adult/results/notices"
          element={
            <RequirePermission permissions={['adult.view']}>
              <ResultNoticesScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/adult/detailed-exams"
          element={
            <RequirePermission permissions={['adult.view']}>
              <DetailedExamsScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/adult/results"
          element={
            <RequirePermission permissions={['adult.view']}>
              <ResultEntryScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/adult/results/imports"
          element={
            <RequirePermission permissions={['adult.view']}>
              <ResultImportScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/adult/detailed-exams/imports"
          element={
            <RequirePermission permissions={['adult.view']}>
              <DetailedExamImportScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/adult/e-applications"
          element={
            <RequirePermission permissions={['adult.view']}>
              <EApplicationsScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/adult/preferences"
          element={
            <RequirePermission permissions={['adult.view']}>
              <PreferencesScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/reservations"
          element={
            <RequirePermission permissions={['reservations.view']}>
              <ReservationsScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/reservations/sessions/:id"
          element={
            <RequirePermission permissions={['reservations.view']}>
              <ReceptionScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/mailings"
          element={
            <RequirePermission permissions={['mailings.view']}>
              <MailingsScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/mailings/:id"
          element={
            <RequirePermission permissions={['mailings.view']}>
              <MailingScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/maternal"
          element={
            <RequirePermission permissions={['maternal.view']}>
              <PregnanciesScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/maternal/e-notifications"
          element={
            <RequirePermission permissions={['maternal.view']}>
              <ENotificationsScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/maternal/pregnancies/:id"
          element={
            <RequirePermission permissions={['maternal.view']}>
              <PregnancyScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/maternal/children"
          element={
            <RequirePermission permissions={['infant.view']}>
              <ChildrenScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/maternal/children/:id"
          element={
            <RequirePermission permissions={['infant.view']}>
              <ChildCardScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/maternal/checkups"
          element={
            <RequirePermission permissions={['maternal.edit']}>
              <MaternalCheckupsScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/maternal/settings"
          element={
            <RequirePermission permissions={['programs.view']}>
              <MaternalSettingsScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/maternal/infant-results"
          element={
            <RequirePermission permissions={['infant.edit']}>
              <InfantResultsScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/maternal/infant-checkups"
          element={
            <RequirePermission permissions={['infant.view']}>
              <InfantCheckupsScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/vaccination"
          element={
            <RequirePermission permissions={['vaccination.view']}>
              <VaccinationScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/vaccination/relief"
          element={
            <RequirePermission permissions={['vaccination.relief']}>
              <ReliefCasesScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/vaccination/relief/:id"
          element={
            <RequirePermission permissions={['vaccination.relief']}>
              <ReliefCaseScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/vaccination/municipal"
          element={
            <RequirePermission permissions={['programs.edit']}>
              <MunicipalVaccinesScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/vaccination/booklets"
          element={
            <RequirePermission permissions={['vaccination.extract']}>
              <VaccinationBookletsScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/vaccination/lists"
          element={
            <RequirePermission permissions={['vaccination.extract']}>
              <VaccinationListsScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/vaccination/lists/:id"
          element={
            <RequirePermission permissions={['vaccination.extract']}>
              <VaccinationListScreen />
            </RequirePermission>
          }
        />
        <Route
          path="/vaccination/imports"
          element={
            <RequirePermission permissions={['vaccination.edit']}>
              <VaccinationImportScreen />
            </RequirePermission>
          }
        />
        <Route path="/visits" element={<ComingSoon title="訪問・相談・教育" />} />
        <Route path="/reports" element={<ComingSoon title="統計・帳票" />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
