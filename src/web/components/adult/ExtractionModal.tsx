import { Button, Checkbox, Group, NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  adultKeys,
  cancerProgramCodes,
  type ListPurpose,
  type ProgramCode,
  sessionLabel,
  type TargetList,
  useAdultMeta,
  usePrograms,
  useSessions,
} from '../../lib/adult-api.ts';
import { api } from '../../lib/api.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { AppModal } from '../AppModal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ExtractionProgress } from '../lists/ExtractionProgress.tsx';
import { FiscalYearSelect } from './FiscalYearSelect.tsx';

type Props = { opened: boolean; onClose(): void; fiscalYear: number; currentFiscalYear: number };

/** the lists of every 年度 (the list may be of another 年度 than the screen's) */
const allAdultLists = ['adult', 'lists'] as const;

const purposeOrder: ListPurpose[] = [
  'adult-health.survey',
  'adult-health.invitation',
  'adult-health.preference',
];

const purposeHelp: Record<ListPurpose, string> = {
  'adult-health.survey': '希望調査票を送る方（F02-01 手順1）',
  'adult-health.invitation': '条件に合う方全員に受診票（券）を送る（F02-02）',
  'adult-health.preference': '受診希望を登録した方に受診票（券）を送る（F02-01 手順8）',
};

/** 対象者抽出: kind, 年度, programs (enabled ones of the 年度), session → a job; then opens the list. */
export function ExtractionModal({ opened, onClose, fiscalYear, currentFiscalYear }: Props) {
  const _navigate = useNavigate();
  const queryClient = useQueryClient();
  const meta = useAdultMeta();
  const [purpose, setPurpose] = useState<ListPurpose>('adult-health.invitation');
  const [fy, setFy] = useState(fiscalYear);
  const [programs, setPrograms] = useState<ProgramCode[] | null>(null);
  const [sessionId, setSessionId] = useState('');
  const [title, setTitle] = useState('');
  const [started, setStarted] = useState<TargetList | null>(null);
  const { busy, error, fieldErrors, run } = useSave();

  const progs = usePrograms(opened ? fy : null);
  const sessions = useSessions(opened && purpose === 'adult-health.preference' ? fy : null);
  const enabled = useMemo(
    () => (progs.data?.programs ?? []).filter((p) => p.settings.enabled).map((p) => p.settings),
    [progs.data],
  );

  // defaults: the five がん検診 for 一括抽出 (only those run this 年度); nothing for the others
  const defaults = useCallback(
    (p: ListPurpose) =>
      p === 'adult-health.invitation'
        ? enabled.filter((s) => cancerProgramCodes.includes(s.code)).map((s) => s.code)
        : [],
    [enabled],
  );
  const chosen = programs ?? defaults(purpose);

  useEffect(() => {
    if (opened) {
      setFy(fiscalYear);
      setPurpose('adult-health.invitation');
      setPrograms(null);
      setSessionId('');
      setTitle('');
      setStarted(null);
    }
  }, [opened, fiscalYear]);

  const sessionChoices = (sessions.data ?? []).filter((s) => s.programs.some((p) => chosen.includes(p)));
  const names = Object.fromEntries((meta.data?.programs ?? []).map((p) => [p.code, p.name]));

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const res = await api.post<{ list: TargetList }>('/api/adult/lists', {
        purpose,
        fiscalYear: fy,
        programs: enabled.map((s) => s.code).filter((c) => chosen.includes(c)),
        title: title.trim() || undefined,
        sessionId: purpose === 'adult-health.preference' && sessionId ? Number(sessionId) : null,
      });
      setStarted(res.list);
      await queryClient.invalidateQueries({ queryKey: adultKeys.lists(fy) });
    });
  }

  const purposes = meta.data?.purposes;
  return (
    <AppModal opened={opened} onClose={onClose} title="対象者抽出" size="lg">
      {started?.jobId ? (
        <ExtractionProgress
          list={{ title: started.title, jobId: started.jobId }}
          href={`/adult/lists/${started.id}`}
          listsKey={allAdultLists}
          onClose={onClose}
        />
      ) : (
        <form onSubmit={submit} noValidate aria-label="対象者抽出の条件">
          <Stack gap="sm">
            <ErrorAlert error={error} title="抽出を開始できません" fieldsShown={['programs', 'purpose']} />
            <ErrorAlert error={meta.error} />
            <Radio.Group
              label="種類"
              value={purpose}
              onChange={(v) => {
                setPurpose(v as ListPurpose);
                setPrograms(null);
              }}
              error={fieldErrors.purpose}
            >
              <Stack gap={6} mt={4}>
                {purposeOrder.map((p) => (
                  <Radio
                    key={p}
                    value={p}
                    label={purposes?.[p] ?? p}
                    description={purposeHelp[p]}
                    name="purpose"
                  />
                ))}
              </Stack>
            </Radio.Group>
            <FiscalYearSelect
              value={fy}
              current={currentFiscalYear}
              onChange={(v) => {
                setFy(v);
                setPrograms(null);
                setSessionId('');
              }}
            />
            <ErrorAlert error={progs.error} title="事業マスタを読み込めません" />
            <Checkbox.Group
              label="抽出する検診"
              description="この年度に実施する検診だけが選べます（事業マスタの設定）"
              value={chosen}
              onChange={(v) => setPrograms(v as ProgramCode[])}
              error={fieldErrors.programs}
            >
              <Group gap="md" mt={4}>
                {enabled.map((s) => (
                  <Checkbox key={s.code} value={s.code} label={s.name} name="programs" />
                ))}
              </Group>
            </Checkbox.Group>
            {progs.data && enabled.length === 0 && (
              <Text size="sm" c="red.9">
                この年度に実施する検診がありません。事業マスタで「実施する」にしてください。
              </Text>
            )}
            {purpose === 'adult-health.preference' && (
              <NativeSelect
                label="集団検診日程"
                description="選ぶと、その日程を予約した方だけを抽出します"
                value={sessionId}
                onChange={(e) => setSessionId(e.currentTarget.value)}
                error={fieldErrors.sessionId}
                data={[
                  { value: '', label: '指定しない（受診希望者全員）' },
                  ...sessionChoices.map((s) => ({
                    value: String(s.id),
                    label: sessionLabel(s, names, formatWareki),
                  })),
                ]}
              />
            )}
            <TextInput
              label="リスト名（任意）"
              description="空欄のときは「令和8年度 受診票送付対象者（一括抽出）（胃がん・…）」のように付けます"
              value={title}
              maxLength={200}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={fieldErrors.title}
              autoComplete="off"
            />
            <Group>
              <Button type="submit" loading={busy} disabled={chosen.length === 0}>
                抽出を開始
              </Button>
              <Button variant="default" onClick={onClose}>
                キャンセル
              </Button>
              {chosen.length === 0 && (
                <Text size="sm" c="red.9">
                  抽出する検診を1つ以上選んでください。
                </Text>
              )}
            </Group>
          </Stack>
        </form>
      )}
    </AppModal>
  );
}
