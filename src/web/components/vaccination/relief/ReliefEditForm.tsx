import { Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useEnterToNext } from '../../../lib/useEnterToNext.ts';
import { type ReliefCaseView, reliefApi } from '../../../lib/vaccination-relief-api.ts';
import { ErrorAlert } from '../../ErrorAlert.tsx';
import { BenefitChecks } from './BenefitChecks.tsx';
import { useCaseChange } from './useCaseChange.ts';

/**
 * 請求の内容の修正 (before the decision): the 請求者 (a new address over the years), the symptoms and the note; the
 * benefits only while the claim has not been forwarded. Shown on request; the input stays on a conflict.
 */
export function ReliefEditForm({ file }: { file: ReliefCaseView }) {
  const c = file.case;
  const [open, setOpen] = useState(false);
  const [v, setV] = useState({
    claimantName: c.claimantName,
    claimantRelation: c.claimantRelation,
    claimantPostalCode: c.claimantPostalCode,
    claimantAddress: c.claimantAddress,
    claimantPhone: c.claimantPhone,
    benefits: c.benefits,
    symptoms: c.symptoms,
    note: c.note,
  });
  const onKeyDown = useEnterToNext();
  const { busy, error, fieldErrors, run } = useCaseChange();
  if (!open)
    return (
      <Group>
        <Button variant="default" onClick={() => setOpen(true)}>
          請求者・請求の内容を修正する
        </Button>
      </Group>
    );
  const text = (key: keyof typeof v, label: string, required = false) => (
    <TextInput
      label={label}
      value={v[key] as string}
      onChange={(e) => setV({ ...v, [key]: e.currentTarget.value })}
      error={fieldErrors[key]}
      required={required}
      autoComplete="off"
    />
  );
  return (
    <Paper withBorder p="sm" component="section" aria-label="請求の内容の修正">
      <form
        aria-label="請求の修正"
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () => reliefApi.edit(c.id, c.version, v),
            () => setOpen(false),
          );
        }}
      >
        <Stack gap="sm">
          <Text fw={700}>請求者・請求の内容の修正</Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {text('claimantName', '請求者の氏名', true)}
            {text('claimantRelation', '続柄（被接種者との関係）')}
            {text('claimantPhone', '請求者の電話番号')}
            {text('claimantPostalCode', '請求者の郵便番号')}
            {text('claimantAddress', '請求者の住所', true)}
          </SimpleGrid>
          {c.status === 'received' ? (
            <BenefitChecks
              label="請求する給付"
              value={v.benefits}
              onChange={(benefits) => setV({ ...v, benefits })}
              category={c.category}
              error={fieldErrors.benefits}
            />
          ) : (
            <Text size="sm">請求する給付: {c.benefitLabels.join('、')}（進達した後は変えられません）</Text>
          )}
          <Textarea
            label="症状・経過の概要"
            value={v.symptoms}
            onChange={(e) => setV({ ...v, symptoms: e.currentTarget.value })}
            autosize
            minRows={2}
          />
          {text('note', '備考')}
          <ErrorAlert
            error={error}
            title="修正できません"
            fieldsShown={['claimantName', 'claimantPostalCode', 'claimantAddress', 'benefits']}
          />
          <Group>
            <Button type="submit" loading={busy}>
              修正を保存（Enter）
            </Button>
            <Button variant="default" onClick={() => setOpen(false)}>
              やめる
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
