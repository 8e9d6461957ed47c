import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useMemo, useRef, useState } from 'react';
import {
  cohortLabels,
  couponBasisLabels,
  deliveryLabels,
  fiscalYearShortLabel,
} from '../../../server/modules/programs/labels.ts';
import { type FeeExemptionKind, feeExemptionKinds } from '../../../server/modules/programs/types.ts';
import { type ProgramRow, type ProgramsYear, programsApi, programsKeys } from '../../lib/programs-api.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave, useVersionedSave } from '../../lib/useSave.ts';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { AppDrawer } from './AppDrawer.tsx';
import { ConfirmModal } from './ConfirmModal.tsx';
import { ProgramSummary } from './ProgramSummary.tsx';
import {
  emptyMethod,
  errorPathForFee,
  fromForm,
  type IntervalChoice,
  intervalChoices,
  type MethodForm,
  type SettingsForm,
  toForm,
} from './settings-form.ts';

type Props = { fy: number; row: ProgramRow; canEdit: boolean; onClose(): void };

const sexChoices = [
  { value: 'any', label: '男女' },
  { value: 'female', label: '女性' },
  { value: 'male', label: '男性' },
] as const;

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
  'coupon.ages',
  'coupon.basis',
  'delivery',
  'periodStart',
  'periodEnd',
  'notice',
];

const numeric = { inputMode: 'numeric' as const, autoComplete: 'off' };

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
            <Stack gap="md">
              <Section title="実施">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput
                    label="事業名"
                    name="name"
                    value={form.name}
                    onChange={(e) => set('name', e.currentTarget.value)}
                    error={err('name')}
                    autoComplete="off"
                    data-autofocus
                  />
                  <Switch
                    mt={{ sm: 28 }}
                    label="この年度に実施する"
                    name="enabled"
                    checked={form.enabled}
                    onChange={(e) => set('enabled', e.currentTarget.checked)}
                    error={err('enabled')}
                  />
                </SimpleGrid>
                <Radio.Group
                  label="実施方法"
                  name="delivery"
                  value={form.delivery}
                  onChange={(v) => set('delivery', v as SettingsForm['delivery'])}
                  error={err('delivery')}
                  description="集団は会場での集団検診（日程は「集団検診日程」で登録します）"
                >
                  <Group mt={4}>
                    {(['individual', 'group', 'both'] as const).map((d) => (
                      <Radio
                        key={d}
                        value={d}
                        label={d === 'both' ? '両方（個別・集団）' : deliveryLabels[d]}
                      />
                    ))}
                  </Group>
                </Radio.Group>
              </Section>

              <Section title="対象">
                <Radio.Group
                  label="性別"
                  name="sex"
                  value={form.sex}
                  onChange={(v) => set('sex', v as SettingsForm['sex'])}
                  error={err('sex')}
                >
                  <Group mt={4}>
                    {sexChoices.map((c) => (
                      <Radio key={c.value} value={c.value} label={c.label} />
                    ))}
                  </Group>
                </Radio.Group>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  <TextInput
                    label="対象年齢（下限）"
                    name="ageMin"
                    rightSection="歳"
                    value={form.ageMin}
                    onChange={(e) => set('ageMin', e.currentTarget.value)}
                    error={err('ageMin')}
                    {...numeric}
                  />
                  <TextInput
                    label="対象年齢（上限）"
                    name="ageMax"
                    description="上限なしは空欄"
                    rightSection="歳"
                    value={form.ageMax}
                    onChange={(e) => set('ageMax', e.currentTarget.value)}
                    error={err('ageMax')}
                    inputWrapperOrder={['label', 'input', 'description', 'error']}
                    {...numeric}
                  />
                  <TextInput
                    label="節目年齢"
                    name="ageList"
                    description="例: 40, 45, 50（空欄 = 範囲内の全年齢）"
                    value={form.ageList}
                    onChange={(e) => set('ageList', e.currentTarget.value)}
                    error={err('ageList')}
                    inputWrapperOrder={['label', 'input', 'description', 'error']}
                    autoComplete="off"
                  />
                </SimpleGrid>
                <Text size="sm" fw={500}>
                  年齢基準日（この日の年齢で対象を判定します。通常は年度末 = 翌年3月31日）
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  <NativeSelect
                    label="年"
                    name="refYearOffset"
                    value={form.refYearOffset}
                    onChange={(e) => set('refYearOffset', e.currentTarget.value as '0' | '1')}
                    error={err('referenceDate.yearOffset')}
                    data={[
                      { value: '1', label: `翌年（${fy + 1}年）` },
                      { value: '0', label: `年度の始まる年（${fy}年）` },
                    ]}
                  />
                  <TextInput
                    label="月"
                    name="refMonth"
                    rightSection="月"
                    value={form.refMonth}
                    onChange={(e) => set('refMonth', e.currentTarget.value)}
                    error={err('referenceDate.month')}
                    {...numeric}
                  />
                  <TextInput
                    label="日"
                    name="refDay"
                    rightSection="日"
                    value={form.refDay}
                    onChange={(e) => set('refDay', e.currentTarget.value)}
                    error={err('referenceDate.day')}
                    {...numeric}
                  />
                </SimpleGrid>
                <Radio.Group
                  label="年齢の数え方"
                  name="cohort"
                  value={form.cohort}
                  onChange={(v) => set('cohort', v as SettingsForm['cohort'])}
                  error={err('cohort')}
                  description="年度末（3月31日）基準のときの対象の生まれ"
                >
                  <Stack gap={4} mt={4}>
                    {(['legal', 'naive'] as const).map((c) => (
                      <Radio key={c} value={c} label={cohortLabels[c]} />
                    ))}
                  </Stack>
                </Radio.Group>
              </Section>

              <Section title="受診間隔">
                <IntervalInput
                  label="受診間隔"
                  name="interval"
                  choice={form.interval}
                  years={form.intervalYears}
                  onChoice={(v) => set('interval', v as IntervalChoice)}
                  onYears={(v) => set('intervalYears', v)}
                  yearsError={err('interval.years')}
                />
              </Section>

              <Section title="検査方法と自己負担金">
                {err('methods') && (
                  <Text size="sm" c="red.8" role="alert">
                    {err('methods')}
                  </Text>
                )}
                {form.methods.map((m, i) => (
                  <MethodEditor
                    // biome-ignore lint/suspicious/noArrayIndexKey: methods are edited in place, code may be empty
                    key={i}
                    index={i}
                    method={m}
                    err={err}
                    canEdit={canEdit}
                    onChange={(patch) => setMethod(i, patch)}
                    onRemove={() =>
                      set(
                        'methods',
                        form.methods.filter((_, j) => j !== i),
                      )
                    }
                  />
                ))}
                {canEdit && (
                  <Group>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => set('methods', [...form.methods, emptyMethod()])}
                    >
                      検査方法を追加
                    </Button>
                  </Group>
                )}
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput
                    label="事業共通の自己負担金"
                    name="programFee"
                    description="検査方法ごとの金額が無いときに使います（無料は0、未設定は空欄）"
                    rightSection="円"
                    value={form.programFee}
                    onChange={(e) => set('programFee', e.currentTarget.value)}
                    error={err('programFee')}
                    inputWrapperOrder={['label', 'input', 'description', 'error']}
                    {...numeric}
                  />
                </SimpleGrid>
                <Textarea
                  label="自己負担金の免除"
                  name="exemptionNote"
                  description="受診券に印字します"
                  autosize
                  minRows={2}
                  value={form.exemptionNote}
                  onChange={(e) => set('exemptionNote', e.currentTarget.value)}
                  error={err('fees.exemptionNote')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                />
                <Checkbox.Group
                  label="免除にする方（宛名画面で登録された方の受診票（券）は自己負担金「免除」になります）"
                  value={form.exemptKinds}
                  onChange={(v) => set('exemptKinds', v as FeeExemptionKind[])}
                  error={err('fees.exemptKinds')}
                >
                  <Group gap="md" mt={4}>
                    {Object.entries(feeExemptionKinds).map(([code, label]) => (
                      <Checkbox key={code} value={code} label={label} />
                    ))}
                  </Group>
                </Checkbox.Group>
              </Section>

              <Section title="がん検診無料クーポン">
                <Checkbox
                  label="クーポンの対象がある"
                  name="couponOn"
                  checked={form.couponOn}
                  onChange={(e) => set('couponOn', e.currentTarget.checked)}
                />
                {form.couponOn && (
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    <TextInput
                      label="対象年齢"
                      name="couponAges"
                      description="例: 40（複数はカンマ区切り）"
                      value={form.couponAges}
                      onChange={(e) => set('couponAges', e.currentTarget.value)}
                      error={err('coupon.ages')}
                      inputWrapperOrder={['label', 'input', 'description', 'error']}
                      autoComplete="off"
                    />
                    <Radio.Group
                      label="年齢の基準"
                      name="couponBasis"
                      value={form.couponBasis}
                      onChange={(v) => set('couponBasis', v as SettingsForm['couponBasis'])}
                      error={err('coupon.basis')}
                    >
                      <Stack gap={4} mt={4}>
                        {(['previous_fiscal_year', 'this_fiscal_year'] as const).map((b) => (
                          <Radio key={b} value={b} label={couponBasisLabels[b]} />
                        ))}
                      </Stack>
                    </Radio.Group>
                  </SimpleGrid>
                )}
              </Section>

              <Section title="受診期間（受診券に印字）">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <DateField
                    label="開始日"
                    name="periodStart"
                    placeholder={`空欄 = ${fy}年4月1日（例: R${fy - 2018}.6.1）`}
                    value={form.periodStart}
                    onChange={(v) => set('periodStart', v)}
                    error={err('periodStart')}
                  />
                  <DateField
                    label="終了日"
                    name="periodEnd"
                    placeholder={`空欄 = ${fy + 1}年3月31日`}
                    value={form.periodEnd}
                    onChange={(v) => set('periodEnd', v)}
                    error={err('periodEnd')}
                  />
                </SimpleGrid>
              </Section>

              <Section title="受診券の案内">
                <Textarea
                  label="案内文（持ち物・注意事項）"
                  name="notice"
                  autosize
                  minRows={3}
                  value={form.notice}
                  onChange={(e) => set('notice', e.currentTarget.value)}
                  error={err('notice')}
                />
              </Section>
            </Stack>
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

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label={title}>
      <Stack gap="xs">
        <Text fw={700} size="sm">
          {title}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

type IntervalProps = {
  label: string;
  name: string;
  choice: IntervalChoice | 'program';
  years: string;
  withProgram?: boolean;
  onChoice(v: string): void;
  onYears(v: string): void;
  yearsError?: string;
};

function IntervalInput({
  label,
  name,
  choice,
  years,
  withProgram,
  onChoice,
  onYears,
  yearsError,
}: IntervalProps) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <NativeSelect
        label={label}
        name={name}
        value={choice}
        onChange={(e) => onChoice(e.currentTarget.value)}
        data={[...(withProgram ? [{ value: 'program', label: '事業と同じ' }] : []), ...intervalChoices]}
      />
      {choice === 'years' && (
        <TextInput
          label="何年に1回"
          name={`${name}Years`}
          description="例: 2（前年度に受診した方は対象外）"
          rightSection="年"
          value={years}
          onChange={(e) => onYears(e.currentTarget.value)}
          error={yearsError}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          {...numeric}
        />
      )}
    </SimpleGrid>
  );
}

type MethodProps = {
  index: number;
  method: MethodForm;
  err(path: string): string | undefined;
  canEdit: boolean;
  onChange(patch: Partial<MethodForm>): void;
  onRemove(): void;
};

function MethodEditor({ index: i, method: m, err, canEdit, onChange, onRemove }: MethodProps) {
  const p = `methods.${i}`;
  return (
    <Paper
      withBorder
      p="xs"
      bg={m.enabled ? undefined : 'gray.0'}
      role="group"
      aria-label={`検査方法 ${m.name || i + 1}`}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Checkbox
            label={m.national ? `${m.name}を実施する` : '実施する'}
            name={`${p}.enabled`}
            checked={m.enabled}
            onChange={(e) => onChange({ enabled: e.currentTarget.checked })}
          />
          {canEdit && !m.national && (
            <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove}>
              この検査方法を削除
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
          <TextInput
            label="名称"
            name={`${p}.name`}
            value={m.name}
            onChange={(e) => onChange({ name: e.currentTarget.value })}
            error={err(`${p}.name`)}
            autoComplete="off"
          />
          <TextInput
            label="コード"
            name={`${p}.code`}
            description={m.national ? '受診歴と対応（変更不可）' : '半角英小文字（例: abc）'}
            value={m.code}
            readOnly={m.national}
            onChange={(e) => onChange({ code: e.currentTarget.value })}
            error={err(`${p}.code`)}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            autoComplete="off"
          />
          <TextInput
            label="自己負担金"
            name={`${p}.fee`}
            description="無料は0、未設定は空欄"
            rightSection="円"
            value={m.fee}
            onChange={(e) => onChange({ fee: e.currentTarget.value })}
            error={err(`${p}.fee`)}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...numeric}
          />
          <TextInput
            label="追跡検査までの年数"
            name={`${p}.followUpYears`}
            description="HPV陽性・細胞診陰性の方（空欄 = なし）"
            rightSection="年"
            value={m.followUpYears}
            onChange={(e) => onChange({ followUpYears: e.currentTarget.value })}
            error={err(`${p}.followUpYears`)}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...numeric}
          />
          <TextInput
            label="対象年齢（下限）"
            name={`${p}.ageMin`}
            description="空欄 = 事業と同じ"
            rightSection="歳"
            value={m.ageMin}
            onChange={(e) => onChange({ ageMin: e.currentTarget.value })}
            error={err(`${p}.ageMin`)}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...numeric}
          />
          <TextInput
            label="対象年齢（上限）"
            name={`${p}.ageMax`}
            description="空欄 = 事業と同じ"
            rightSection="歳"
            value={m.ageMax}
            onChange={(e) => onChange({ ageMax: e.currentTarget.value })}
            error={err(`${p}.ageMax`)}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...numeric}
          />
        </SimpleGrid>
        <IntervalInput
          label="受診間隔"
          name={`${p}.interval`}
          withProgram
          choice={m.interval}
          years={m.intervalYears}
          onChoice={(v) => onChange({ interval: v as MethodForm['interval'] })}
          onYears={(v) => onChange({ intervalYears: v })}
          yearsError={err(`${p}.interval.years`)}
        />
      </Stack>
    </Paper>
  );
}
