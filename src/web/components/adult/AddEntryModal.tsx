import { Alert, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { adultKeys, type Judgement, type ProgramCode, type TargetList } from '../../lib/adult-api.ts';
import { api } from '../../lib/api.ts';
import type { Resident } from '../../lib/types.ts';
import { useSave } from '../../lib/useSave.ts';
import { AppModal } from '../AppModal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { JudgementTable } from './JudgementTable.tsx';
import { ResidentPicker } from './ResidentPicker.tsx';

type Props = {
  list: TargetList;
  programName(code: string): string;
  methodName(program: string, method: string): string;
  /** a person chosen already (from 「判定を確認」) */
  initial?: Resident | null;
  onClose(): void;
};

/** 対象者を追加 (転入者 etc.): a person, the programs and a note; the server judges with the list's settings. */
export function AddEntryModal({ list, programName, methodName, initial = null, onClose }: Props) {
  const queryClient = useQueryClient();
  const [person, setPerson] = useState<Resident | null>(initial);
  const [programs, setPrograms] = useState<ProgramCode[]>([]);
  const [note, setNote] = useState('');
  const [added, setAdded] = useState<{ person: Resident; results: Judgement[] } | null>(null);
  const { busy, error, fieldErrors, setError, run } = useSave();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!person) {
      setError('追加する方を検索して選んでください。');
      return;
    }
    void run(async () => {
      const res = await api.post<{ results: Judgement[] }>(`/api/adult/lists/${list.id}/entries`, {
        residentId: person.id,
        programs,
        note,
      });
      setAdded({ person, results: res.results });
      await queryClient.invalidateQueries({ queryKey: adultKeys.entries(list.id) });
    });
  }

  if (added) {
    const notEligible = added.results.filter((r) => !r.eligible);
    return (
      <AppModal opened onClose={onClose} title="対象者を追加" size="xl">
        <Stack gap="sm">
          <Alert color="teal" variant="light" role="status" title="追加しました">
            {added.person.name}（宛名番号 {added.person.atenaNo}）をリストに追加しました。
          </Alert>
          {notEligible.length > 0 && (
            <Alert color="orange" variant="light" title="対象外の判定があります">
              {notEligible.map((r) => programName(r.program)).join('、')}
              は判定では対象外ですが、手動で追加しました。必要なら理由を確かめてください。
            </Alert>
          )}
          <JudgementTable
            rows={added.results}
            programName={programName}
            methodName={methodName}
            label="追加した方の判定"
          />
          <Group>
            <Button onClick={onClose} data-autofocus>
              閉じる
            </Button>
          </Group>
        </Stack>
      </AppModal>
    );
  }

  return (
    <AppModal opened onClose={onClose} title="対象者を追加" size="xl">
      <Stack gap="sm">
        <ResidentPicker
          id="add-entry-person"
          value={person}
          onChange={setPerson}
          autoFocus={!initial}
          error={fieldErrors.residentId}
        />
        <form onSubmit={submit} noValidate aria-label="追加する検診">
          <Stack gap="sm">
            <Checkbox.Group
              label="追加する検診"
              value={programs}
              onChange={(v) => setPrograms(v as ProgramCode[])}
              error={fieldErrors.programs}
            >
              <Group gap="md" mt={4}>
                {list.programs.map((p) => (
                  <Checkbox key={p} value={p} label={programName(p)} name="programs" />
                ))}
              </Group>
            </Checkbox.Group>
            <TextInput
              label="備考（任意）"
              description="例: 転入者（令和8年5月転入）"
              value={note}
              maxLength={500}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={fieldErrors.note}
              autoComplete="off"
            />
            <ErrorAlert
              error={error}
              title="追加できません"
              fieldsShown={['programs', 'note', 'residentId']}
            />
            <Group>
              <Button type="submit" loading={busy} disabled={!person || programs.length === 0}>
                追加する
              </Button>
              <Button variant="default" onClick={onClose}>
                キャンセル
              </Button>
              {(!person || programs.length === 0) && (
                <Text size="sm">方を選び、検診を1つ以上選んでください。</Text>
              )}
            </Group>
          </Stack>
        </form>
      </Stack>
    </AppModal>
  );
}
