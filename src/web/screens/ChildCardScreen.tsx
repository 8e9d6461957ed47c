import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { BirthForm } from '../components/maternal/BirthForm.tsx';
import {
  BirthSummary,
  CheckupsSection,
  FollowUpsSection,
  VaccinationsSection,
} from '../components/maternal/ChildCardSections.tsx';
import { HearingPanel } from '../components/maternal/HearingPanel.tsx';
import { MaternalNav } from '../components/maternal/MaternalNav.tsx';
import { StatusBadges } from '../components/StatusBadges.tsx';
import { useAuth } from '../lib/auth.tsx';
import { childCardApi, childCardKeys } from '../lib/child-card-api.ts';
import type { ResidentStatus } from '../lib/types.ts';
import { formatWareki } from '../lib/wareki.ts';

const sexes: Record<string, string> = { '1': '男', '2': '女', '9': '不明' };

/** 母子カード（母子カルテ, F07-01 step 4): a child's birth, hearing screening, checkups, vaccinations and follow-ups. */
export function ChildCardScreen() {
  const id = Number(useParams().id);
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState('');
  const meta = useQuery({ queryKey: childCardKeys.meta, queryFn: childCardApi.meta, staleTime: Infinity });
  const card = useQuery({ queryKey: childCardKeys.card(id), queryFn: () => childCardApi.card(id) });
  const done = (message: string) => {
    setSaved(message);
    setEditing(false);
    void queryClient.invalidateQueries({ queryKey: ['infant'] });
  };
  const c = card.data;
  const canEdit = can('infant.edit');
  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        母子カード
      </Title>
      <MaternalNav />
      <ErrorAlert error={card.error ?? meta.error} />
      {(card.isPending || meta.isPending) && <Loader size="sm" aria-label="読み込み中" />}
      {c && meta.data && (
        <>
          <Paper withBorder p="sm" component="section" aria-label="子の情報">
            <Group gap="md" role="status">
              <Text fw={700} size="lg">
                {c.child.name}
              </Text>
              <Text size="sm">{c.child.nameKana}</Text>
              <Text size="sm">宛名番号 {c.child.atenaNo}</Text>
              <Text size="sm">{formatWareki(c.child.birthDate)}生</Text>
              <Text size="sm">{sexes[c.child.sex] ?? c.child.sex}</Text>
              <StatusBadges status={c.child.status as ResidentStatus} supportMeasure={false} />
              {c.birth?.lowBirthWeight && <Badge color="red">低出生体重</Badge>}
              <Button
                component={Link}
                to={`/residents/${c.child.id}`}
                size="compact-sm"
                variant="default"
                ml="auto"
              >
                宛名画面
              </Button>
            </Group>
          </Paper>
          {saved && (
            <Text size="sm" c="teal.9" role="status">
              {saved}
            </Text>
          )}
          {c.birth && !editing ? (
            <BirthSummary
              birth={c.birth}
              card={c}
              action={
                canEdit && (
                  <Button size="compact-sm" variant="default" onClick={() => setEditing(true)}>
                    修正
                  </Button>
                )
              }
            />
          ) : canEdit ? (
            <BirthForm
              card={c}
              meta={meta.data}
              onSaved={done}
              onCancel={c.birth ? () => setEditing(false) : undefined}
            />
          ) : (
            <Alert color="gray">出生連絡票は登録されていません。</Alert>
          )}
          <HearingPanel
            key={c.hearing.tests.length}
            card={c}
            meta={meta.data}
            canEdit={canEdit}
            onSaved={done}
          />
          <CheckupsSection card={c} />
          <VaccinationsSection card={c} />
          <FollowUpsSection card={c} />
        </>
      )}
    </Stack>
  );
}
