import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type {
  CheckupCategory,
  CheckupKind,
  CheckupMeta,
  CheckupResult,
  CheckupVisit,
} from '../../lib/maternal-checkups-api.ts';
import { maternalCheckupsApi } from '../../lib/maternal-checkups-api.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave } from '../../lib/useSave.ts';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { CheckupItemFields, type ItemValues, itemValuesOf } from './CheckupItemFields.tsx';

type Props = {
  meta: CheckupMeta;
  visit: CheckupVisit;
  category: CheckupCategory;
  /** the result edited (null: a new one) */
  result: CheckupResult | null;
  onSaved(message: string): void;
  onCancel(): void;
};

/**
 * The result of one visit (or of its 精密健診) as on the 受診票: 受診日, 医療機関, the items, 判定, 備考. Enter moves
 * from field to field; Enter on the last saves. Saved at the version read.
 */
export function CheckupResultForm({ meta, visit, category, result, onSaved, onCancel }: Props) {
  const kind = (category === 'checkup' ? visit.kind : `${visit.kind}_detailed`) as CheckupKind;
  const set = meta.itemSets[kind];
  const judgementCodes = meta.judgementsOf[kind];
  const [examinedOn, setExaminedOn] = useState(result?.examinedOn ?? '');
  const [institution, setInstitution] = useState(result?.institutionName ?? '');
  const [judgement, setJudgement] = useState(result?.judgement ?? '');
  const [note, setNote] = useState(result?.note ?? '');
  const [items, setItems] = useState<ItemValues>(result ? itemValuesOf(result.items) : {});
  const save = useSave();
  const onKeyDown = useEnterToNext();
  const fields = save.fieldErrors;
  const shown = ['examinedOn', 'institution', 'judgement', 'note', ...set.items.map((d) => d.code)];

  function submit() {
    void save.run(async () => {
      const r = await maternalCheckupsApi.save({
        voucherNo: visit.voucher.voucherNo,
        category,
        examinedOn,
        institution,
        judgement,
        items,
        note,
        resultId: result?.id ?? null,
        version: result?.version ?? null,
      });
      const follow = r.followUpReasons.length
        ? ` フォロー対象者に登録しました（${r.followUpReasons.join('、')}）。`
        : '';
      onSaved(
        `${visit.voucher.name}さんの${meta.kinds[r.result.kind]}の結果を${result ? '修正' : '登録'}しました（受診券ID ${visit.voucher.voucherNo}）。${follow}`,
      );
    });
  }

  const title = `${meta.kinds[kind]}の結果${result ? 'を修正' : 'を入力'}`;
  return (
    <Paper withBorder p="sm" component="section" aria-label={title}>
      <form
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="xs">
          <Title order={2} size="h5">
            {title}
          </Title>
          {category === 'detailed' && visit.result && (
            <Text size="sm">
              紹介元: {meta.kinds[visit.result.kind]}（{visit.result.examinedOn}、判定:{' '}
              {meta.judgements[visit.result.judgement]}）
            </Text>
          )}
          <Group grow align="flex-start">
            <DateField
              label="受診日"
              required
              data-autofocus
              autoFocus
              value={examinedOn}
              onChange={setExaminedOn}
              error={fields.examinedOn}
            />
            <TextInput
              label="医療機関（コードまたは名称）"
              required
              value={institution}
              onChange={(e) => setInstitution(e.currentTarget.value)}
              error={fields.institution}
            />
          </Group>
          <CheckupItemFields
            items={set.items}
            values={items}
            onChange={(code, v) => setItems((x) => ({ ...x, [code]: v }))}
            errors={fields}
            epdsThreshold={meta.epds.followUpThreshold}
          />
          <Group grow align="flex-start">
            <NativeSelect
              label="判定"
              required
              data={[
                { value: '', label: '（選んでください）' },
                ...judgementCodes.map((j) => ({ value: j, label: meta.judgements[j] ?? j })),
              ]}
              value={judgement}
              onChange={(e) => setJudgement(e.currentTarget.value)}
              error={fields.judgement}
            />
            <TextInput
              label="備考"
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={fields.note}
            />
          </Group>
          <ErrorAlert error={save.error} title="保存できません" fieldsShown={shown} />
          <Group>
            <Button type="submit" loading={save.busy}>
              保存
            </Button>
            <Button variant="default" onClick={onCancel}>
              やめる
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
