import { Stack, Title } from '@mantine/core';
import { ImportCard } from '../components/jobs/ImportCard.tsx';
import { JobList } from '../components/jobs/JobList.tsx';
import { useAuth } from '../lib/auth.tsx';

/** バッチ・取込: 住民記録取込 and the job centre. */
export function JobsScreen() {
  const { can } = useAuth();
  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        バッチ・取込
      </Title>
      {can('residents.import') && <ImportCard />}
      <JobList />
    </Stack>
  );
}
