import { Anchor, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { AdultTab } from '../components/adult/AdultTab.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { SendHistoryTab } from '../components/mailings/SendHistoryTab.tsx';
import { HistoryTab } from '../components/residents/HistoryTab.tsx';
import { HouseholdTable } from '../components/residents/HouseholdTable.tsx';
import { ResidentEditModal } from '../components/residents/ResidentEditModal.tsx';
import { ResidentInfoTable } from '../components/residents/ResidentInfoTable.tsx';
import { RevealModal } from '../components/residents/RevealModal.tsx';
import { StatusBadges } from '../components/StatusBadges.tsx';
import { api } from '../lib/api.ts';
import { useAuth } from '../lib/auth.tsx';
import { formatPostal } from '../lib/format.ts';
import type { ResidentDetail } from '../lib/types.ts';

const futureTabs = [
  { value: 'maternal', label: '母子' },
  { value: 'vaccination', label: '予防接種' },
  { value: 'visits', label: '訪問・相談' },
];
const tabValues = ['basic', 'household', 'history', 'adult', 'mailings', ...futureTabs.map((t) => t.value)];

/** 宛名画面: basic info with status badges, household, 異動履歴 and one tab per business area. */
export function ResidentScreen() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = tabValues.includes(searchParams.get('tab') ?? '') ? searchParams.get('tab')! : 'basic';
  const [reveal, setReveal] = useState<'myNumber' | 'address' | null>(null);
  const [editing, setEditing] = useState(false);

  const q = useQuery({
    queryKey: ['resident', id],
    queryFn: () => api.get<ResidentDetail>(`/api/residents/${encodeURIComponent(id)}`),
  });

  if (q.isPending) return <Loader size="sm" aria-label="読み込み中" />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const { resident: r, household, events, myNumberMasked } = q.data;

  return (
    <Stack gap="sm">
      <Anchor
        component={Link}
        to="/residents"
        size="sm"
        onClick={(e) => {
          if (location.key === 'default') return;
          e.preventDefault();
          navigate(-1);
        }}
      >
        ← 戻る
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {r.nameKana}
          </Text>
          <Group gap="sm" align="center">
            <Title order={1} size="h3">
              {r.name}
            </Title>
            <StatusBadges status={r.status} supportMeasure={r.supportMeasure} />
          </Group>
          <Text size="sm">
            宛名番号 <span data-testid="atena-no">{r.atenaNo}</span>
            {r.householdNo ? `　世帯番号 ${r.householdNo}` : ''}
          </Text>
        </Stack>
        <Group gap="xs">
          {r.source === 'manual' && can('residents.edit') && (
            <Button variant="light" onClick={() => setEditing(true)}>
              修正
            </Button>
          )}
          {can('residents.my_number') && r.hasMyNumber && (
            <Button variant="default" onClick={() => setReveal('myNumber')}>
              個人番号を表示
            </Button>
          )}
          {r.supportMeasure && can('residents.protected') && (
            <Button variant="default" onClick={() => setReveal('address')}>
              住所・連絡先を表示
            </Button>
          )}
        </Group>
      </Group>

      <Tabs
        value={tab}
        onChange={(v) => setSearchParams(v && v !== 'basic' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="basic">基本情報</Tabs.Tab>
          <Tabs.Tab value="household">世帯</Tabs.Tab>
          <Tabs.Tab value="history">異動履歴</Tabs.Tab>
          {can('adult.view') && <Tabs.Tab value="adult">成人検診</Tabs.Tab>}
          {futureTabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
          {can('mailings.view') && <Tabs.Tab value="mailings">送付履歴</Tabs.Tab>}
        </Tabs.List>
        {tab === 'basic' && (
          <Tabs.Panel value="basic" pt="sm">
            <ResidentInfoTable resident={r} myNumberMasked={myNumberMasked} />
          </Tabs.Panel>
        )}
        {tab === 'household' && (
          <Tabs.Panel value="household" pt="sm">
            <HouseholdTable members={household} currentId={r.id} />
          </Tabs.Panel>
        )}
        {tab === 'history' && (
          <Tabs.Panel value="history" pt="sm">
            <HistoryTab residentId={r.id} events={events} />
          </Tabs.Panel>
        )}
        {tab === 'adult' && can('adult.view') && (
          <Tabs.Panel value="adult" pt="sm">
            <AdultTab residentId={r.id} />
          </Tabs.Panel>
        )}
        {tab === 'mailings' && can('mailings.view') && (
          <Tabs.Panel value="mailings" pt="sm">
            <SendHistoryTab residentId={r.id} />
          </Tabs.Panel>
        )}
        {futureTabs
          .filter((t) => t.value === tab)
          .map((t) => (
            <Tabs.Panel key={t.value} value={t.value} pt="sm">
              {t.value === 'vaccination' && can('vaccination.view') ? (
                <Button component={Link} to={`/vaccination?resident=${r.id}`} variant="default">
                  予防接種の記録・接種スケジュールを開く
                </Button>
              ) : (
                <Text>この業務は今後のリリースで追加されます。</Text>
              )}
            </Tabs.Panel>
          ))}
      </Tabs>

      <RevealModal
        opened={reveal === 'myNumber'}
        onClose={() => setReveal(null)}
        title="個人番号の表示"
        endpoint={`/api/residents/${r.id}/reveal-my-number`}
        fields={[{ key: 'myNumber', label: '個人番号' }]}
      />
      <RevealModal
        opened={reveal === 'address'}
        onClose={() => setReveal(null)}
        title="住所・連絡先の表示"
        endpoint={`/api/residents/${r.id}/reveal-address`}
        fields={[
          { key: 'postalCode', label: '郵便番号', format: formatPostal },
          { key: 'address', label: '住所' },
          { key: 'addressExtra', label: '方書' },
          { key: 'phone', label: '電話番号' },
        ]}
      />
      {editing && <ResidentEditModal resident={r} opened={editing} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
