import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { cohortLabels, couponBasisLabels, deliveryLabels } from '../../../server/modules/programs/labels.ts';
import { type FeeExemptionKind, feeExemptionKinds } from '../../../server/modules/programs/types.ts';
import { DateField } from '../DateField.tsx';
import { NumberField } from '../NumberField.tsx';
import { IntervalInput, MethodEditor, Section } from './ProgramFields.tsx';
import { emptyMethod, type IntervalChoice, type MethodForm, type SettingsForm } from './settings-form.ts';

const sexChoices = [
  { value: 'any', label: '男女' },
  { value: 'female', label: '女性' },
  { value: 'male', label: '男性' },
] as const;

type Props = {
  fy: number;
  form: SettingsForm;
  canEdit: boolean;
  err(path: string): string | undefined;
  set<K extends keyof SettingsForm>(k: K, v: SettingsForm[K]): void;
  setMethod(i: number, patch: Partial<MethodForm>): void;
};

/** The fields of one program's settings (事業マスタ), section by section; the drawer keeps state and saving. */
export function ProgramSettingsFields({ fy, form, canEdit, err, set, setMethod }: Props) {
  return (
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
              <Radio key={d} value={d} label={d === 'both' ? '両方（個別・集団）' : deliveryLabels[d]} />
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
          <NumberField
            label="対象年齢（下限）"
            name="ageMin"
            unit="歳"
            value={form.ageMin}
            onChange={(v) => set('ageMin', v)}
            error={err('ageMin')}
          />
          <NumberField
            label="対象年齢（上限）"
            name="ageMax"
            description="上限なしは空欄"
            unit="歳"
            value={form.ageMax}
            onChange={(v) => set('ageMax', v)}
            error={err('ageMax')}
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
          <NumberField
            label="月"
            name="refMonth"
            unit="月"
            value={form.refMonth}
            onChange={(v) => set('refMonth', v)}
            error={err('referenceDate.month')}
          />
          <NumberField
            label="日"
            name="refDay"
            unit="日"
            value={form.refDay}
            onChange={(v) => set('refDay', v)}
            error={err('referenceDate.day')}
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
          <NumberField
            label="事業共通の自己負担金"
            name="programFee"
            description="検査方法ごとの金額が無いときに使います（無料は0、未設定は空欄）"
            unit="円"
            value={form.programFee}
            onChange={(v) => set('programFee', v)}
            error={err('programFee')}
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
  );
}
