import { Alert, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { fiscalYearShortLabel } from '../../../server/modules/programs/labels.ts';
import { type ProgramRow, type ProgramsYear, programsApi, programsKeys } from '../../lib/programs-api.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave, useVersionedSave } from '../../lib/useSave.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { AppDrawer } from './AppDrawer.tsx';
import { ConfirmModal } from './ConfirmModal.tsx';
import { ProgramSettingsFields } from './ProgramSettingsFields.tsx';
import { ProgramSummary } from './ProgramSummary.tsx';
import { errorPathForFee, fromForm, type MethodForm, type SettingsForm, toForm } from './settings-form.ts';

type Props = { fy: number; row: ProgramRow; canEdit: boolean; onClose(): void };

const methodFields = [
  'code',
  'name',
  'enabled',
  'ageMin',
  'ageMax',
  'interval.years',
  'followUpYears',
  'fee',
];
const staticPaths = [
  'name',
  'enabled',
  'sex',
  'ageMin',
  'ageMax',
  'ageList',
  'referenceDate.month',
  'referenceDate.day',
  'referenceDate.yearOffset',
  'cohort',
  'interval.years',
  'methods',
  'programFee',
  'fees.amounts.*',
  'fees.exemptionNote',
  'fees.exemptKinds',
  'coupon.ages',
  'coupon.basis',
  'delivery',
  'periodStart',
  'periodEnd',
  'notice',
];

/** 事業の設定 (one program of one 年度): every setting in Japanese, validated as typed, saved with the version. */
export function ProgramEditDrawer({ fy, row, canEdit, onClose }: Props) {
  const queryClient = useQueryClient();
  const onKeyDown = useEnterToNext();
  const [form, setForm] = useState<SettingsForm>(() => toForm(row.settings));
  const [initial, setInitial] = useState<SettingsForm>(form);
  const save = useVersionedSave<ProgramRow>(row.version);
  const reset = useSave();
  const [submitted, setSubmitted] = useState<SettingsForm | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'reset' | 'discard' | null>(null);

  const formRef = useRef<HTMLFormElement>(null);
  const result = useMemo(() => fromForm(form, fy), [form, fy]);
  /** Puts the cursor on the first field with a message (the form is long; the alert may be out of view). */
  const focusFirstError = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  // A server message stays next to its field until the form is changed again.
  const serverErrors: Record<string, string> = {};
  if (submitted === form) {
    for (const [path, message] of Object.entries(save.fieldErrors)) {
      serverErrors[errorPathForFee(form, path)] ??= message;
    }
  }
  const err = (path: string) => serverErrors[path] ?? result.errors[path];
  const shownPaths = [
    ...staticPaths,
    ...form.methods.flatMap((m, i) => [
      ...methodFields.map((k) => `methods.${i}.${k}`),
      `fees.amounts.${m.code}`,
    ]),
  ];

  const set = <K extends keyof SettingsForm>(k: K, v: SettingsForm[K]) => {
    setSaved(null);
    setForm((f) => ({ ...f, [k]: v }));
  };
  const setMethod = (i: number, patch: Partial<MethodForm>) => {
    setSaved(null);
    setForm((f) => ({ ...f, methods: f.methods.map((m, j) => (j === i ? { ...m, ...patch } : m)) }));
  };

  function apply(p: ProgramRow) {
    const f = toForm(p.settings);
    setForm(f);
    setInitial(f);
    save.setVersion(p.version);
    queryClient.setQueryData<ProgramsYear>(programsKeys.year(fy), (old) =>
      old ? { ...old, programs: old.programs.map((x) => (x.code === p.code ? p : x)) } : old,
    );
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!canEdit) return;
    setSaved(null);
    setSubmitted(form);
    if (!result.settings) {
      save.setError('入力に誤りがあります。各項目のメッセージを確かめてください。');
      focusFirstError();
      return;
    }
    const settings = result.settings;
    void save
      .run(async () => {
        const res = await programsApi.save(fy, row.code, settings, save.version);
        apply(res.program);
        save.setCurrent(null);
        setSaved('保存しました。');
      })
      .then(focusFirstError);
  }

  function resetToNational() {
    void reset.run(async () => {
      const res = await programsApi.reset(fy, row.code, save.version);
      apply(res.program);
      save.dismissConflict();
      setConfirm(null);
      setSaved('国の指針に戻しました（自己負担金・実施方法・受診期間・受診券の案内はそのままです）。');
    });
  }

  function close() {
    if (canEdit && dirty) setConfirm('discard');
    else onClose();
  }

  if (!canEdit) {
    return (
      <AppDrawer opened onClose={onClose} title={`${row.settings.name}（${fiscalYearShortLabel(fy)}）`}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            閲覧のみです（変更には「事業マスタの変更」の権限が必要です）。
          </Text>
          <ProgramSummary fy={fy} settings={row.settings} full />
          <Group>
            <Button variant="default" onClick={onClose}>
              閉じる
            </Button>
          </Group>
        </Stack>
      </AppDrawer>
    );
  }

  const title = `${form.name || row.settings.name}（${fiscalYearShortLabel(fy)}）`;
  return (
    <AppDrawer opened onClose={close} title={title}>
      <form
        ref={formRef}
        onSubmit={submit}
        onKeyDown={onKeyDown}
        noValidate
        aria-label={`${row.settings.name}の設定`}
      >
        <Stack gap="md">
          <ErrorAlert error={save.error} title="保存できません" fieldsShown={shownPaths} />
          {save.current && (
            <Alert color="orange" variant="light" title="現在登録されている内容">
              <Stack gap="xs">
                <ProgramSummary fy={fy} settings={save.current.settings} />
                <Group>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => {
                      if (save.current) apply(save.current);
                      save.dismissConflict();
                    }}
                  >
                    現在の内容を読み込む（入力を破棄）
                  </Button>
                  <Text size="sm">入力内容で上書きする場合は、そのまま「保存」を押してください。</Text>
                </Group>
              </Stack>
            </Alert>
          )}
          <Fieldset variant="unstyled" disabled={!canEdit} p={0}>
            <ProgramSettingsFields
              fy={fy}
              form={form}
              canEdit={canEdit}
              err={err}
              set={set}
              setMethod={setMethod}
            />
          </Fieldset>

          <Group justify="space-between">
            <Group>
              {canEdit && (
                <Button type="submit" loading={save.busy}>
                  保存
                </Button>
              )}
              <Button variant="default" onClick={close}>
                閉じる
              </Button>
              {saved && (
                <Text role="status" size="sm" c="green.9">
                  {saved}
                </Text>
              )}
            </Group>
            {canEdit && (
              <Button variant="subtle" color="orange.9" onClick={() => setConfirm('reset')}>
                国の指針に戻す
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      {confirm === 'reset' && (
        <ConfirmModal
          title={`${row.settings.name}を国の指針に戻す`}
          confirmLabel="国の指針に戻す"
          color="orange.9"
          busy={reset.busy}
          error={reset.error}
          onConfirm={resetToNational}
          onClose={() => setConfirm(null)}
        >
          <Stack gap="xs">
            <Text size="sm">
              対象（性別・年齢・節目年齢）、年齢基準日、年齢の数え方、受診間隔、検査方法、クーポンを国の指針の内容に戻して保存します。
            </Text>
            <Text size="sm">実施の有無・自己負担金・実施方法・受診期間・受診券の案内はそのままです。</Text>
            {dirty && (
              <Text size="sm" c="red.8">
                保存していない入力内容は破棄されます。
              </Text>
            )}
          </Stack>
        </ConfirmModal>
      )}
      {confirm === 'discard' && (
        <ConfirmModal
          title="入力内容の破棄"
          confirmLabel="破棄して閉じる"
          color="red"
          onConfirm={onClose}
          onClose={() => setConfirm(null)}
        >
          保存していない入力内容があります。破棄して閉じますか？
        </ConfirmModal>
      )}
    </AppDrawer>
  );
}
