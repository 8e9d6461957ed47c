import { Button, Group, Paper, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatJst } from '../../lib/format.ts';
import { useVersionedSave } from '../../lib/useSave.ts';
import {
  type SettingsView,
  vaccinationSettingsApi,
  vaccinationSettingsKeys,
} from '../../lib/vaccination-settings-api.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

/**
 * 予防接種の自治体設定 (administrators): the month-end reading of N月以上の間隔 and the 接種期間 of 高齢者インフルエンザ・
 * 新型コロナ. Empty season boxes keep the national default shown beside them.
 */
export function VaccinationSettingsPanel() {
  const q = useQuery({ queryKey: vaccinationSettingsKeys.all, queryFn: vaccinationSettingsApi.get });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  return <SettingsForm key={q.data.version} data={q.data} />;
}

function SettingsForm({ data }: { data: SettingsView }) {
  const queryClient = useQueryClient();
  const [rule, setRule] = useState(data.monthEndRule);
  const [seasons, setSeasons] = useState(
    Object.fromEntries(
      data.yearly.map((y) => [y.code, data.seasons[y.code] ?? { from: '', to: '' }]),
    ) as Record<string, { from: string; to: string }>,
  );
  const [done, setDone] = useState(false);
  const save = useVersionedSave<SettingsView>(data.version);

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const set = Object.fromEntries(Object.entries(seasons).filter(([, s]) => s.from.trim() || s.to.trim()));
    void save.run(async () => {
      await vaccinationSettingsApi.save({ monthEndRule: rule, seasons: set, version: save.version });
      setDone(true);
      await queryClient.invalidateQueries({ queryKey: vaccinationSettingsKeys.all });
    });
  }
  const set = (code: string, key: 'from' | 'to', value: string) =>
    setSeasons((s) => ({ ...s, [code]: { ...(s[code] ?? { from: '', to: '' }), [key]: value } }));

  return (
    <Paper withBorder p="sm" component="section" aria-label="予防接種の自治体設定">
      <form onSubmit={submit} noValidate aria-label="予防接種の自治体設定の変更">
        <Stack gap="sm">
          <Title order={2} size="h5">
            予防接種の自治体設定
          </Title>
          <ErrorAlert error={save.error} title="保存できません" />
          <Radio.Group
            label="「N月以上の間隔」で応当日が無いとき（例: 11月30日の3月後）"
            value={rule}
            onChange={(v) => setRule(v as SettingsView['monthEndRule'])}
          >
            <Stack gap={4} mt={4}>
              {Object.entries(data.monthEndRules).map(([value, label]) => (
                <Radio key={value} value={value} label={label} />
              ))}
            </Stack>
          </Radio.Group>
          <Table withTableBorder fz="sm" aria-label="毎年度の接種期間">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>毎年度の接種</Table.Th>
                <Table.Th>接種期間の始まり（月-日）</Table.Th>
                <Table.Th>終わり（月-日）</Table.Th>
                <Table.Th>国の既定</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.yearly.map((y) => (
                <Table.Tr key={y.code}>
                  <Table.Td>{y.name}</Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${y.name}の接種期間の始まり`}
                      placeholder={y.from}
                      value={seasons[y.code]?.from ?? ''}
                      maxLength={5}
                      onChange={(e) => set(y.code, 'from', e.currentTarget.value)}
                      error={save.fieldErrors[`seasons.${y.code}`]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${y.name}の接種期間の終わり`}
                      placeholder={y.to}
                      value={seasons[y.code]?.to ?? ''}
                      maxLength={5}
                      onChange={(e) => set(y.code, 'to', e.currentTarget.value)}
                    />
                  </Table.Td>
                  <Table.Td>
                    {y.from}〜{y.to}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            空欄の接種は国の既定の期間で判定します。変更はその日からのスケジュール・予診票・対象者抽出に使われます
            {data.updatedAt ? `（最終更新 ${formatJst(data.updatedAt)}）` : ''}。
          </Text>
          <Group>
            <Button type="submit" loading={save.busy}>
              保存する
            </Button>
            {done && (
              <Text size="sm" c="teal.9" role="status">
                保存しました。
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
