import { Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useSave } from '../../lib/useSave.ts';
import { vaccines } from '../../lib/vaccination-api.ts';
import {
  disabilityLabels,
  diseaseLabels,
  exclusionReasonLabels,
  type SpecialKind,
  specialKinds,
  specialsApi,
} from '../../lib/vaccination-specials-api.ts';
import { parseDateInput } from '../../lib/wareki.ts';
import { AppModal } from '../AppModal.tsx';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

const careVaccines = vaccines.filter((v) => v.longTermCare);
const options = (labels: Record<string, string>) => [
  { value: '', label: '選んでください' },
  ...Object.entries(labels).map(([value, label]) => ({ value, label })),
];

/** 特例・除外の登録: the fields follow the kind chosen; the server checks again and says what to fix. */
export function SpecialModal(p: { residentId: number; onSaved(): void; onClose(): void }) {
  const [kind, setKind] = useState<SpecialKind | ''>('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [disease, setDisease] = useState('');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, setError, fieldErrors, run } = useSave();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!kind) return setError('種類を選んでください。');
    const parsed = date.trim() ? parseDateInput(date) : null;
    if (parsed && !parsed.ok) return setError(`日付: ${parsed.message}`);
    void run(async () => {
      await specialsApi.add(p.residentId, {
        kind,
        vaccines: chosen,
        disease: disease || null,
        reason,
        date: parsed?.ok ? parsed.date : null,
        note,
      });
      p.onSaved();
      p.onClose();
    });
  }

  return (
    <AppModal opened onClose={p.onClose} title="特例・除外の登録" size="lg">
      <form onSubmit={submit} noValidate aria-label="特例・除外の登録">
        <Stack gap="sm">
          <ErrorAlert error={error} title="登録できません" />
          <NativeSelect
            label="種類"
            required
            data-autofocus
            data={options(specialKinds)}
            value={kind}
            error={fieldErrors.kind}
            onChange={(e) => setKind(e.currentTarget.value as SpecialKind | '')}
          />
          {kind === 'long_term_care' && (
            <>
              <Checkbox.Group
                label="特例を受けるワクチン"
                required
                value={chosen}
                onChange={setChosen}
                error={fieldErrors.vaccines}
              >
                <Group gap="sm" mt={4}>
                  {careVaccines.map((v) => (
                    <Checkbox key={v.code} value={v.code} label={v.name} />
                  ))}
                </Group>
              </Checkbox.Group>
              <TextInput
                label="疾病名（理由書）"
                required
                value={reason}
                maxLength={200}
                error={fieldErrors.reason}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
              <DateField
                label="事由が消滅した日（療養中なら空欄）"
                value={date}
                onChange={setDate}
                error={fieldErrors.date}
              />
              <Text size="xs" c="dimmed">
                事由が消滅した日から2年（高齢者肺炎球菌は1年）を経過する日まで定期接種として受けられます（上限年齢あり）。
              </Text>
            </>
          )}
          {kind === 'exclusion' && (
            <>
              <NativeSelect
                label="対象疾病"
                required
                data={options(diseaseLabels)}
                value={disease}
                error={fieldErrors.disease}
                onChange={(e) => setDisease(e.currentTarget.value)}
              />
              <NativeSelect
                label="理由"
                required
                data={options(exclusionReasonLabels)}
                value={reason}
                error={fieldErrors.reason}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
            </>
          )}
          {kind === 'disability60' && (
            <NativeSelect
              label="障害の種類"
              required
              data={options(disabilityLabels)}
              value={reason}
              error={fieldErrors.reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          )}
          {kind === 'pregnancy' && (
            <DateField label="出産予定日" required value={date} onChange={setDate} error={fieldErrors.date} />
          )}
          <TextInput
            label="備考"
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Group>
            <Button type="submit" loading={busy}>
              登録する
            </Button>
            <Button variant="default" onClick={p.onClose}>
              やめる
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
