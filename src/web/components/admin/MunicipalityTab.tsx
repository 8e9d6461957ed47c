import { Button, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../lib/api.ts';
import type { Municipality } from '../../lib/types.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useVersionedSave } from '../../lib/useSave.ts';
import { ConflictCurrent } from '../ConflictCurrent.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

const fields = {
  name: '自治体名',
  lgCode: '地方公共団体コード',
  mayorTitle: '首長の職名',
  mayorName: '首長の氏名',
  centerName: '保健センター名',
  centerPostalCode: '郵便番号',
  centerAddress: '所在地',
  centerPhone: '電話番号',
} as const;
type Key = keyof typeof fields;
type Values = Record<Key, string>;

const toValues = (m: Municipality): Values =>
  Object.fromEntries((Object.keys(fields) as Key[]).map((k) => [k, String(m[k] ?? '')])) as Values;

/** 管理 > 自治体設定: used on every document (通知, 受診券, 帳票). */
export function MunicipalityTab() {
  const queryClient = useQueryClient();
  const onKeyDown = useEnterToNext();
  const q = useQuery({
    queryKey: ['municipality'],
    queryFn: () => api.get<{ municipality: Municipality }>('/api/settings/municipality'),
  });
  const [values, setValues] = useState<Values | null>(null);
  const { busy, error, fieldErrors, run, version, setVersion, current, setCurrent, dismissConflict } =
    useVersionedSave<Municipality>(0);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (q.data && values === null) {
      setValues(toValues(q.data.municipality));
      setVersion(q.data.municipality.version);
    }
  }, [q.data, values, setVersion]);

  if (q.isPending) return <Loader size="sm" aria-label="読み込み中" />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!values) return null;

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    void run(async () => {
      const res = await api.put<{ municipality: Municipality }>('/api/settings/municipality', {
        ...values,
        version,
      });
      setVersion(res.municipality.version);
      setValues(toValues(res.municipality));
      setCurrent(null);
      setSaved(true);
      queryClient.setQueryData(['municipality'], res);
    });
  }

  return (
    <Paper withBorder p="md" maw={900}>
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label="自治体設定">
        <Stack gap="sm">
          <ErrorAlert error={error} title="保存できません" fieldsShown={Object.keys(fields)} />
          {current && (
            <ConflictCurrent
              current={current}
              labels={fields}
              onLoad={() => {
                setValues(toValues(current));
                dismissConflict();
              }}
            />
          )}
          {saved && (
            <Text role="status" c="green.9">
              保存しました。
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {(Object.keys(fields) as Key[]).map((k) => (
              <TextInput
                key={k}
                label={fields[k]}
                name={k}
                value={values[k]}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setValues((cur) => (cur ? { ...cur, [k]: v } : cur));
                }}
                error={fieldErrors[k]}
                autoComplete="off"
              />
            ))}
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={busy}>
              保存
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
