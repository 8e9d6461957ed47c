import { Button, Group, NativeSelect, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { fiscalYearLabel } from '../../server/modules/programs/labels.ts';
import { MasterTab } from '../components/programs/MasterTab.tsx';
import { ProgramsTab } from '../components/programs/ProgramsTab.tsx';
import { SessionsTab } from '../components/programs/SessionsTab.tsx';
import { useAuth } from '../lib/auth.tsx';
import { currentFiscalYear } from '../lib/programs-api.ts';

const tabs = ['programs', 'venues', 'institutions', 'sessions'] as const;
type Tab = (typeof tabs)[number];

/**
 * 成人保健 › 事業マスタ: per 年度 the 9 programs' rules (指針 as default), and the 会場, 医療機関 and
 * 集団検診日程. Everyone with programs.view reads; programs.edit changes. 年度 and tab stay in the URL.
 */
export function ProgramsScreen() {
  const { can } = useAuth();
  const canEdit = can('programs.edit');
  const [searchParams, setSearchParams] = useSearchParams();
  const thisYear = currentFiscalYear();
  const fyParam = Number(searchParams.get('fy'));
  const fy = Number.isInteger(fyParam) && fyParam >= 2000 && fyParam <= 2100 ? fyParam : thisYear;
  const requested = searchParams.get('tab') as Tab | null;
  const tab: Tab = requested && tabs.includes(requested) ? requested : 'programs';
  const years = Array.from(
    new Set([thisYear - 3, thisYear - 2, thisYear - 1, thisYear, thisYear + 1, fy]),
  ).sort((a, b) => a - b);

  function setParam(key: string, value: string) {
    setSearchParams(
      (sp) => {
        const next = new URLSearchParams(sp);
        next.set(key, value);
        return next;
      },
      { replace: key === 'tab' },
    );
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={1} size="h3">
            事業マスタ
          </Title>
          <Text size="sm" c="dimmed">
            成人検診の対象・受診間隔・自己負担金などを年度ごとに設定します。初期値は国の指針です。
            {canEdit ? '' : '（閲覧のみ）'}
          </Text>
        </Stack>
        <Group align="flex-end">
          <Button component={Link} to="/adult/result-items" variant="default">
            結果項目
          </Button>
          {canEdit && (
            <Button component={Link} to="/vaccination/municipal" variant="default">
              予防接種（市町村独自・自治体設定）
            </Button>
          )}
          <Button component={Link} to="/maternal/settings" variant="default">
            母子保健の設定
          </Button>
          {tab !== 'venues' && tab !== 'institutions' && (
            <NativeSelect
              label="年度"
              value={String(fy)}
              onChange={(e) => setParam('fy', e.currentTarget.value)}
              data={years.map((y) => ({
                value: String(y),
                label: `${fiscalYearLabel(y)}${y === thisYear ? '・今年度' : ''}`,
              }))}
              w={280}
            />
          )}
        </Group>
      </Group>
      <Tabs value={tab} onChange={(v) => v && setParam('tab', v)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="programs">検診</Tabs.Tab>
          <Tabs.Tab value="venues">会場</Tabs.Tab>
          <Tabs.Tab value="institutions">医療機関</Tabs.Tab>
          <Tabs.Tab value="sessions">集団検診日程</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="programs" pt="sm">
          <ProgramsTab fy={fy} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="venues" pt="sm">
          <MasterTab kind="venue" canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="institutions" pt="sm">
          <MasterTab kind="institution" canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="sessions" pt="sm">
          <SessionsTab fy={fy} canEdit={canEdit} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
