import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import {
  emptyManual,
  ManualResidentForm,
  type ManualValues,
  manualLabels,
} from '../components/residents/ManualResidentForm.tsx';
import { api } from '../lib/api.ts';
import { useSave } from '../lib/useSave.ts';

/** 住登外者登録: people the centre serves who are not on this city's register. */
export function ResidentNewScreen() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ManualValues>(emptyManual);
  const { busy, error, fieldErrors, run } = useSave();

  function save() {
    return run(async () => {
      const res = await api.post<{ id: number; atenaNo: string }>('/api/residents', values);
      await queryClient.invalidateQueries({ queryKey: ['residents'] });
      navigate(`/residents/${res.id}`);
    });
  }

  return (
    <Stack gap="sm" maw={900}>
      <Anchor component={Link} to="/residents" size="sm">
        ← 宛名検索に戻る
      </Anchor>
      <Title order={1} size="h3">
        住登外者登録
      </Title>
      <Text size="sm" c="dimmed">
        住民記録にない方（住所地特例、里帰り出産など）を登録します。宛名番号は自動で採番されます。
      </Text>
      <ErrorAlert error={error} title="登録できません" fieldsShown={Object.keys(manualLabels)} />
      <Paper withBorder p="md">
        <ManualResidentForm
          values={values}
          onChange={setValues}
          fieldErrors={fieldErrors}
          onSubmit={() => void save()}
          busy={busy}
          submitLabel="登録"
          autoFocus
        />
      </Paper>
    </Stack>
  );
}
