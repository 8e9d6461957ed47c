import { Button, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  adultKeys,
  type ProgramCode,
  type ProgramSettings,
  recordResultLabels,
} from '../../lib/adult-api.ts';
import { api } from '../../lib/api.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave } from '../../lib/useSave.ts';
import { AppModal } from '../AppModal.tsx';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = {
  residentId: number;
  programs: { code: ProgramCode; name: string }[];
  /** 事業マスタ of the shown 年度 (検査方法 choices); empty when not readable */
  settings: ProgramSettings[];
  onClose(): void;
};

/** 受診歴を追加: a past screening by hand (e.g. from a 受診票 brought by a mover-in). */
export function RecordModal({ residentId, programs, settings, onClose }: Props) {
  const queryClient = useQueryClient();
  const onKeyDown = useEnterToNext();
  const [program, setProgram] = useState('');
  const [method, setMethod] = useState('');
  const [screenedOn, setScreenedOn] = useState('');
  const [result, setResult] = useState('');
  const { busy, error, setError, fieldErrors, run } = useSave();
  const methods = settings.find((p) => p.code === program)?.methods ?? [];

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!program) {
      setError('検診を選んでください。');
      return;
    }
    void run(async () => {
      await api.post(`/api/adult/residents/${residentId}/records`, {
        program,
        method: method || null,
        screenedOn,
        result: result || null,
      });
      await queryClient.invalidateQueries({ queryKey: adultKeys.resident(residentId) });
      onClose();
    });
  }

  return (
    <AppModal opened onClose={onClose} title="受診歴を追加" size="lg">
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label="受診歴">
        <Stack gap="sm">
          <Text size="sm">受診歴は対象者抽出の受診間隔の判定に使います。</Text>
          <ErrorAlert
            error={error}
            title="登録できません"
            fieldsShown={['program', 'method', 'screenedOn', 'result']}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label="検診"
              required
              value={program}
              onChange={(e) => {
                setProgram(e.currentTarget.value);
                setMethod('');
              }}
              error={fieldErrors.program}
              data={[
                { value: '', label: '選んでください' },
                ...programs.map((p) => ({ value: p.code, label: p.name })),
              ]}
              data-autofocus
            />
            <NativeSelect
              label="検査方法（任意）"
              value={method}
              onChange={(e) => setMethod(e.currentTarget.value)}
              error={fieldErrors.method}
              disabled={methods.length === 0}
              data={[
                { value: '', label: methods.length ? '指定しない' : '—' },
                ...methods.map((m) => ({ value: m.code, label: m.name })),
              ]}
            />
            <DateField
              label="受診日"
              required
              value={screenedOn}
              onChange={setScreenedOn}
              error={fieldErrors.screenedOn}
            />
            <NativeSelect
              label="結果（任意）"
              value={result}
              onChange={(e) => setResult(e.currentTarget.value)}
              error={fieldErrors.result}
              data={[
                { value: '', label: '未入力' },
                ...Object.entries(recordResultLabels).map(([value, label]) => ({ value, label })),
              ]}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={busy}>
              追加
            </Button>
            <Button variant="default" onClick={onClose}>
              キャンセル
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
