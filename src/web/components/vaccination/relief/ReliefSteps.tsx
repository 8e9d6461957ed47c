import { Button, Group, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { today } from '../../../../server/platform/calendar/date.ts';
import { useEnterToNext } from '../../../lib/useEnterToNext.ts';
import { type ReliefCaseView, reliefApi } from '../../../lib/vaccination-relief-api.ts';
import { formatWareki } from '../../../lib/wareki.ts';
import { DateField } from '../../DateField.tsx';
import { ErrorAlert } from '../../ErrorAlert.tsx';
import { BenefitChecks } from './BenefitChecks.tsx';
import { useCaseChange } from './useCaseChange.ts';

type Props = { file: ReliefCaseView };

/** 進達: the date the claim went to the prefecture (都道府県経由で厚生労働省へ) and what went with it. */
export function ForwardForm({ file }: Props) {
  const [v, setV] = useState({ forwardedOn: formatWareki(today()), note: '' });
  const onKeyDown = useEnterToNext();
  const { busy, error, fieldErrors, run } = useCaseChange();
  return (
    <Paper withBorder p="sm" component="section" aria-label="進達の登録">
      <form
        aria-label="進達"
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => reliefApi.forward(file.case.id, file.case.version, v));
        }}
      >
        <Title order={2} size="h5" mb="xs">
          都道府県への進達
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField
            label="進達日"
            value={v.forwardedOn}
            onChange={(x) => setV({ ...v, forwardedOn: x })}
            error={fieldErrors.forwardedOn}
            required
          />
          <TextInput
            label="進達の備考（送付方法・添付資料など）"
            value={v.note}
            onChange={(e) => setV({ ...v, note: e.currentTarget.value })}
            autoComplete="off"
          />
        </SimpleGrid>
        <ErrorAlert error={error} title="進達を登録できません" fieldsShown={['forwardedOn']} />
        <Group mt="xs">
          <Button type="submit" loading={busy}>
            進達を登録（Enter）
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

/** 認定・否認の登録: the ministry's decision, the day it reached the city and the benefits recognised. */
export function DecisionForm({ file }: Props) {
  const [v, setV] = useState({
    result: 'recognized' as 'recognized' | 'denied',
    decidedOn: '',
    resultReceivedOn: formatWareki(today()),
    recognizedBenefits: file.case.benefits,
    note: '',
  });
  const onKeyDown = useEnterToNext();
  const { busy, error, fieldErrors, run } = useCaseChange();
  return (
    <Paper withBorder p="sm" component="section" aria-label="認定・否認の登録">
      <form
        aria-label="認定・否認"
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void run(() =>
            reliefApi.decide(file.case.id, file.case.version, {
              ...v,
              recognizedBenefits: v.result === 'recognized' ? v.recognizedBenefits : [],
            }),
          );
        }}
      >
        <Title order={2} size="h5" mb="xs">
          認定・否認の結果
        </Title>
        <Stack gap="sm">
          <Radio.Group
            name="relief-result"
            label="結果"
            value={v.result}
            onChange={(x) => setV({ ...v, result: x as 'recognized' | 'denied' })}
          >
            <Group gap="md" mt={4}>
              <Radio value="recognized" label="認定" />
              <Radio value="denied" label="否認" />
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField
              label="決定日（厚生労働大臣の認定・否認の日）"
              value={v.decidedOn}
              onChange={(x) => setV({ ...v, decidedOn: x })}
              error={fieldErrors.decidedOn}
              required
            />
            <DateField
              label="結果の受理日"
              value={v.resultReceivedOn}
              onChange={(x) => setV({ ...v, resultReceivedOn: x })}
              error={fieldErrors.resultReceivedOn}
              required
            />
          </SimpleGrid>
          {v.result === 'recognized' && (
            <BenefitChecks
              label="認定された給付（請求した給付から選ぶ）"
              value={v.recognizedBenefits}
              onChange={(recognizedBenefits) => setV({ ...v, recognizedBenefits })}
              category={file.case.category}
              only={file.case.benefits}
              error={fieldErrors.recognizedBenefits}
            />
          )}
          <TextInput
            label="決定の備考"
            value={v.note}
            onChange={(e) => setV({ ...v, note: e.currentTarget.value })}
            autoComplete="off"
          />
        </Stack>
        <ErrorAlert
          error={error}
          title="結果を登録できません"
          fieldsShown={['decidedOn', 'resultReceivedOn', 'recognizedBenefits']}
        />
        <Group mt="xs">
          <Button type="submit" loading={busy}>
            結果を登録（Enter）
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

/** 取下げ (from 受理 or 進達済): the date the 取下書 was received and the reason; shown on request. */
export function WithdrawForm({ file }: Props) {
  const [open, setOpen] = useState(false);
  const [v, setV] = useState({ withdrawnOn: formatWareki(today()), reason: '' });
  const onKeyDown = useEnterToNext();
  const { busy, error, fieldErrors, run } = useCaseChange();
  if (!open)
    return (
      <Group>
        <Button variant="default" color="red" onClick={() => setOpen(true)}>
          取下げを登録する
        </Button>
      </Group>
    );
  return (
    <Paper withBorder p="sm" component="section" aria-label="取下げの登録">
      <form
        aria-label="取下げ"
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => reliefApi.withdraw(file.case.id, file.case.version, v));
        }}
      >
        <Text fw={700} mb="xs">
          取下げ（この請求の手続を終えます）
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField
            label="取下げ日"
            value={v.withdrawnOn}
            onChange={(x) => setV({ ...v, withdrawnOn: x })}
            error={fieldErrors.withdrawnOn}
            required
          />
          <TextInput
            label="取下げの理由"
            value={v.reason}
            onChange={(e) => setV({ ...v, reason: e.currentTarget.value })}
            error={fieldErrors.reason}
            autoComplete="off"
            required
            data-autofocus
          />
        </SimpleGrid>
        <ErrorAlert error={error} title="取下げを登録できません" fieldsShown={['withdrawnOn', 'reason']} />
        <Group mt="xs">
          <Button type="submit" color="red" loading={busy}>
            取下げを登録（Enter）
          </Button>
          <Button variant="default" onClick={() => setOpen(false)}>
            やめる
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
