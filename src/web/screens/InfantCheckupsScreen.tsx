import { NativeSelect, Stack, Tabs, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { InfantRemindersTab } from '../components/infant/InfantRemindersTab.tsx';
import { InfantSessionsTab } from '../components/infant/InfantSessionsTab.tsx';
import { InvitationListsTab } from '../components/infant/InvitationListsTab.tsx';
import { MaternalNav } from '../components/maternal/MaternalNav.tsx';
import { infantCheckupsApi } from '../lib/infant-checkups-api.ts';

/**
 * 乳幼児健診の案内・未受診者勧奨 (F07-03, F07-07): choose the checkup, then its 日程 (集団健診), the 対象児の抽出 and
 * mailing of 健診案内通知 + 健康診査票, and the reminders of the children with no result.
 */
export function InfantCheckupsScreen() {
  const meta = useQuery({ queryKey: ['infant', 'invitations', 'meta'], queryFn: infantCheckupsApi.meta });
  const [code, setCode] = useState('y1h');
  const checkup = meta.data?.checkups.find((c) => c.code === code);
  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        乳幼児健診の案内・未受診者勧奨
      </Title>
      <MaternalNav />
      <ErrorAlert error={meta.error} />
      {meta.data && (
        <NativeSelect
          label="健診の種類"
          w={280}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          data={meta.data.checkups.map((c) => ({
            value: c.code,
            label: `${c.name}${c.basis === 'law12' ? '（法定）' : ''}`,
          }))}
        />
      )}
      {meta.data && checkup && (
        <Tabs defaultValue="lists" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="sessions">日程（集団健診）</Tabs.Tab>
            <Tabs.Tab value="lists">対象児の抽出・案内</Tabs.Tab>
            <Tabs.Tab value="reminders">未受診者勧奨</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="sessions" pt="sm">
            <InfantSessionsTab key={code} checkup={code} checkupName={checkup.name} from={meta.data.today} />
          </Tabs.Panel>
          <Tabs.Panel value="lists" pt="sm">
            <InvitationListsTab
              key={code}
              checkup={code}
              checkupName={checkup.name}
              defaultMode={checkup.defaultMode}
              exclusionReasons={meta.data.exclusionReasons}
            />
          </Tabs.Panel>
          <Tabs.Panel value="reminders" pt="sm">
            <InfantRemindersTab key={code} checkup={code} checkupName={checkup.name} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
