import { Alert, Button, Checkbox, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { today } from '../../../../server/platform/calendar/date.ts';
import type { Resident } from '../../../lib/types.ts';
import { useEnterToNext } from '../../../lib/useEnterToNext.ts';
import { useSave } from '../../../lib/useSave.ts';
import { vaccines } from '../../../lib/vaccination-api.ts';
import { categoryAt, categoryLabels, recordLabel, reliefApi } from '../../../lib/vaccination-relief-api.ts';
import { formatWareki, parseDateInput } from '../../../lib/wareki.ts';
import { ResidentPicker } from '../../adult/ResidentPicker.tsx';
import { DateField } from '../../DateField.tsx';
import { ErrorAlert } from '../../ErrorAlert.tsx';
import { ChoiceInput } from '../../results/ChoiceInput.tsx';
import { BenefitChecks } from './BenefitChecks.tsx';

const vaccineChoices = vaccines.map((v) => ({ code: v.code, label: v.name }));
const fieldPaths = [
  'claimantName',
  'claimantPostalCode',
  'claimantAddress',
  'vaccine',
  'vaccinatedOn',
  'receivedOn',
  'benefits',
  'recordIds',
];

/**
 * 請求書等受理 → 申請情報登録 (F11a-05): find the vaccinated person, 予防接種歴照会 (tick the records the claim is
 * about: the first fills ワクチン and 接種日), the 受理日, the 請求者 (who the notice goes to: a parent or family
 * member, possibly at another address), the benefits claimed (those the category has not are disabled) and the
 * symptoms. Enter moves on; Enter on the last field saves and opens the case file.
 */
export function ReliefClaimForm({ onCancel }: { onCancel(): void }) {
  const navigate = useNavigate();
  const onKeyDown = useEnterToNext();
  const { busy, error, fieldErrors, run } = useSave();
  const [picked, setPicked] = useState<Resident | null>(null);
  const [v, setV] = useState({
    recordIds: [] as string[],
    vaccine: '',
    vaccinatedOn: '',
    receivedOn: formatWareki(today()),
    claimantName: '',
    claimantRelation: '',
    claimantPostalCode: '',
    claimantAddress: '',
    claimantPhone: '',
    benefits: [] as string[],
    symptoms: '',
    note: '',
  });
  const history = useQuery({
    queryKey: ['vaccination-relief', 'history', picked?.id ?? 0],
    queryFn: () => reliefApi.history(picked!.id),
    enabled: picked !== null,
  });
  const person = history.data?.person;
  const formRef = useRef<HTMLFormElement>(null);
  // the person found: the entry starts at the first field (a record to tick, or ワクチン)
  useEffect(() => {
    if (person?.id) formRef.current?.querySelector<HTMLInputElement>('input:not([disabled])')?.focus();
  }, [person?.id]);
  const records = history.data?.records ?? [];
  const on = parseDateInput(v.vaccinatedOn);
  const category = v.vaccine && on.ok ? categoryAt(v.vaccine, on.date) : null;

  function tick(ids: string[]) {
    const first = records.find((r) => ids.includes(String(r.id)));
    setV((x) => ({
      ...x,
      recordIds: ids,
      ...(first && x.recordIds.length === 0
        ? { vaccine: first.vaccine, vaccinatedOn: formatWareki(first.vaccinatedOn) }
        : {}),
    }));
  }

  function save() {
    if (!picked) return;
    void run(async () => {
      const c = await reliefApi.create({
        ...v,
        residentId: picked.id,
        recordIds: v.recordIds.map(Number),
      });
      navigate(`/vaccination/relief/${c.id}`);
    });
  }

  return (
    <Stack gap="sm">
      <ResidentPicker id="relief-person" value={picked} autoFocus onChange={setPicked} />
      {person && (
        <form
          ref={formRef}
          aria-label="健康被害救済の請求の受付"
          noValidate
          onKeyDown={onKeyDown}
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <Stack gap="sm">
            <Checkbox.Group
              label={`予防接種歴（請求の対象の接種を選ぶ・${records.length}件）`}
              value={v.recordIds}
              onChange={tick}
              error={fieldErrors.recordIds}
            >
              <Stack gap={4} mt={4}>
                {records.length === 0 && (
                  <Text size="sm" c="dimmed">
                    接種の記録がありません。ワクチンと接種日を請求書から入力してください。
                  </Text>
                )}
                {records.map((r) => (
                  <Checkbox key={r.id} value={String(r.id)} label={recordLabel(r)} />
                ))}
              </Stack>
            </Checkbox.Group>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <ChoiceInput
                label="ワクチン"
                choices={vaccineChoices}
                value={v.vaccine}
                onChange={(c) => setV({ ...v, vaccine: c })}
                error={fieldErrors.vaccine}
                required
              />
              <DateField
                label="接種日"
                value={v.vaccinatedOn}
                onChange={(x) => setV({ ...v, vaccinatedOn: x })}
                error={fieldErrors.vaccinatedOn}
                required
              />
              <DateField
                label="受理日（請求書等を受け取った日）"
                value={v.receivedOn}
                onChange={(x) => setV({ ...v, receivedOn: x })}
                error={fieldErrors.receivedOn}
                required
              />
              <TextInput
                label="請求者の氏名"
                description="認定・否認の通知の宛名"
                value={v.claimantName}
                onChange={(e) => setV({ ...v, claimantName: e.currentTarget.value })}
                error={fieldErrors.claimantName}
                autoComplete="off"
                required
              />
              <TextInput
                label="続柄（被接種者との関係）"
                description="例: 本人・母・父・配偶者"
                value={v.claimantRelation}
                onChange={(e) => setV({ ...v, claimantRelation: e.currentTarget.value })}
                autoComplete="off"
              />
              <TextInput
                label="請求者の電話番号"
                description={'\u00a0'}
                value={v.claimantPhone}
                onChange={(e) => setV({ ...v, claimantPhone: e.currentTarget.value })}
                autoComplete="off"
              />
              <TextInput
                label="請求者の郵便番号"
                value={v.claimantPostalCode}
                onChange={(e) => setV({ ...v, claimantPostalCode: e.currentTarget.value })}
                error={fieldErrors.claimantPostalCode}
                autoComplete="off"
              />
              <TextInput
                label="請求者の住所"
                value={v.claimantAddress}
                onChange={(e) => setV({ ...v, claimantAddress: e.currentTarget.value })}
                error={fieldErrors.claimantAddress}
                autoComplete="off"
                required
                style={{ gridColumn: 'span 2' }}
              />
            </SimpleGrid>
            <Group gap="xs">
              <Button
                size="compact-sm"
                variant="default"
                onClick={() =>
                  setV({
                    ...v,
                    claimantName: person.name,
                    claimantRelation: '本人',
                    claimantPostalCode: person.postalCode,
                    claimantAddress: person.address,
                  })
                }
              >
                被接種者本人を請求者にする
              </Button>
            </Group>
            {category &&
              (category.ok ? (
                <Text size="sm" role="status">
                  接種の類型: {categoryLabels[category.category]}（{category.label}）
                </Text>
              ) : (
                <Alert color="orange" variant="light" p="xs" role="alert">
                  {category.message}
                </Alert>
              ))}
            <BenefitChecks
              label="請求する給付"
              value={v.benefits}
              onChange={(benefits) => setV({ ...v, benefits })}
              category={category?.ok ? category.category : null}
              error={fieldErrors.benefits}
            />
            <Textarea
              label="症状・経過の概要"
              value={v.symptoms}
              onChange={(e) => setV({ ...v, symptoms: e.currentTarget.value })}
              autosize
              minRows={2}
            />
            <TextInput
              label="備考"
              value={v.note}
              onChange={(e) => setV({ ...v, note: e.currentTarget.value })}
              autoComplete="off"
            />
            <ErrorAlert error={error} title="受け付けられません" fieldsShown={fieldPaths} />
            <Group>
              <Button type="submit" loading={busy}>
                請求を登録（Enter）
              </Button>
              <Button variant="default" onClick={onCancel}>
                やめる
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <ErrorAlert error={history.error} />
    </Stack>
  );
}
