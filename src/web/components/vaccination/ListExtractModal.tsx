import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useSave } from '../../lib/useSave.ts';
import {
  type ListsMeta,
  type VaccinationList,
  type VaccinationListKind,
  vaccinationListKeys,
  vaccinationListsApi,
} from '../../lib/vaccination-lists-api.ts';
import { AppModal } from '../AppModal.tsx';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ExtractionProgress } from '../lists/ExtractionProgress.tsx';
import { NumberField } from '../NumberField.tsx';

const kindHelp: Record<VaccinationListKind, string> = {
  'vaccination.dose': 'ワクチンと回を選び、接種の時期の方に予診票を送る（F10a-02）',
  'vaccination.reminder': '標準的な期間を過ぎた方・定期接種の期間が近く終わる方に勧奨する（F11a-02）',
};

/** The next 1 April after `on` (MR 第2期: the children who enter school the April after next begin then). */
function nextApril(on: string): string {
  const y = Number(on.slice(0, 4));
  return on.slice(5) < '04-01' ? `${y}-04-01` : `${y + 1}-04-01`;
}

type Props = { meta: ListsMeta; onClose(): void };

/** 対象者を抽出: 種類, 基準日, the vaccine and 回 (or the vaccines to remind), birth range → a job → the list. */
export function ListExtractModal({ meta, onClose }: Props) {
  const _navigate = useNavigate();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<VaccinationListKind>('vaccination.dose');
  const [on, setOn] = useState(meta.today);
  const [vaccine, setVaccine] = useState('MR2');
  const [dose, setDose] = useState('');
  const [startsBy, setStartsBy] = useState('');
  const [vaccines, setVaccines] = useState<string[]>(meta.vaccines.filter((v) => v.child).map((v) => v.code));
  const [withinDays, setWithinDays] = useState('90');
  const [bornFrom, setBornFrom] = useState('');
  const [bornTo, setBornTo] = useState('');
  const [title, setTitle] = useState('');
  const [started, setStarted] = useState<VaccinationList | null>(null);
  const { busy, error, fieldErrors, setError, run } = useSave();
  const doses = meta.vaccines.find((v) => v.code === vaccine)?.doses ?? [];

  function submit(e: FormEvent) {
    e.preventDefault();
    if (kind === 'vaccination.reminder' && vaccines.length === 0) {
      setError('勧奨するワクチンを1つ以上選んでください。');
      return;
    }
    void run(async () => {
      const common = { on, bornFrom, bornTo, title: title.trim() || undefined };
      const list = await vaccinationListsApi.extract(
        kind === 'vaccination.dose'
          ? { kind, ...common, vaccine, dose: dose || null, startsBy }
          : { kind, ...common, vaccines, withinDays: Number(withinDays) },
      );
      setStarted(list);
      await queryClient.invalidateQueries({ queryKey: vaccinationListKeys.lists });
    });
  }

  return (
    <AppModal opened onClose={onClose} title="対象者抽出" size="lg">
      {started?.jobId ? (
        <ExtractionProgress
          list={{ title: started.title, jobId: started.jobId }}
          href={`/vaccination/lists/${started.id}`}
          listsKey={vaccinationListKeys.lists}
          onClose={onClose}
        />
      ) : (
        <form onSubmit={submit} noValidate aria-label="対象者抽出の条件">
          <Stack gap="sm">
            <ErrorAlert
              error={error}
              title="抽出を開始できません"
              fieldsShown={['on', 'vaccine', 'dose', 'startsBy', 'bornFrom', 'bornTo', 'withinDays']}
            />
            <Radio.Group label="種類" value={kind} onChange={(v) => setKind(v as VaccinationListKind)}>
              <Stack gap={6} mt={4}>
                {(Object.keys(meta.kinds) as VaccinationListKind[]).map((k) => (
                  <Radio key={k} value={k} label={meta.kinds[k]} description={kindHelp[k]} name="kind" />
                ))}
              </Stack>
            </Radio.Group>
            <DateField
              label="基準日"
              required
              value={on}
              onChange={setOn}
              error={fieldErrors.on}
              data-autofocus
            />
            {kind === 'vaccination.dose' ? (
              <>
                <SimpleGrid cols={2}>
                  <NativeSelect
                    label="ワクチン"
                    value={vaccine}
                    onChange={(e) => {
                      setVaccine(e.currentTarget.value);
                      setDose('');
                    }}
                    error={fieldErrors.vaccine}
                    data={meta.vaccines
                      .filter((v) => !v.code.startsWith('RSV'))
                      .map((v) => ({ value: v.code, label: v.name }))}
                  />
                  <NativeSelect
                    label="回"
                    value={dose}
                    onChange={(e) => setDose(e.currentTarget.value)}
                    error={fieldErrors.dose}
                    data={[
                      { value: '', label: 'まだ受けていない最初の回' },
                      ...doses.map((d) => ({ value: d, label: d })),
                    ]}
                  />
                </SimpleGrid>
                <Group align="flex-end" gap="xs">
                  <DateField
                    label="定期接種の期間がこの日までに始まる方も含める（任意）"
                    value={startsBy}
                    onChange={setStartsBy}
                    error={fieldErrors.startsBy}
                    style={{ flex: 1 }}
                  />
                  <Button variant="default" mb={22} onClick={() => setStartsBy(nextApril(on))}>
                    次の4月1日
                  </Button>
                </Group>
                <Text size="xs" c="dimmed">
                  空欄のときは基準日に接種できる方（接種時期・標準期間超過）だけです。次の4月から期間に入るお子さん（麻しん風しん
                  第2期など）にも前もって案内するときは「次の4月1日」を入れます。
                </Text>
              </>
            ) : (
              <>
                <Checkbox.Group
                  label="勧奨するワクチン"
                  description="既定は子どもの定期接種（A類）すべて。高齢者の定期接種（B類）も選べます"
                  value={vaccines}
                  onChange={setVaccines}
                  error={fieldErrors.vaccines}
                >
                  <Group gap="md" mt={4}>
                    {meta.vaccines
                      .filter((v) => !v.code.startsWith('RSV'))
                      .map((v) => (
                        <Checkbox key={v.code} value={v.code} label={v.name} name="vaccines" />
                      ))}
                  </Group>
                </Checkbox.Group>
                <NumberField
                  label="定期接種の期間が終わるまでの日数"
                  description="標準的な期間を過ぎた回に加え、期間の終わりがこの日数以内の回を勧奨します"
                  unit="日"
                  value={withinDays}
                  onChange={setWithinDays}
                  error={fieldErrors.withinDays}
                  w={260}
                />
              </>
            )}
            <SimpleGrid cols={2}>
              <DateField
                label="生年月日（から・任意）"
                value={bornFrom}
                onChange={setBornFrom}
                error={fieldErrors.bornFrom}
              />
              <DateField
                label="生年月日（まで・任意）"
                value={bornTo}
                onChange={setBornTo}
                error={fieldErrors.bornTo}
              />
            </SimpleGrid>
            <TextInput
              label="リスト名（任意）"
              value={title}
              maxLength={200}
              onChange={(e) => setTitle(e.currentTarget.value)}
              autoComplete="off"
              placeholder="空欄のときはワクチンと基準日から付けます"
            />
            <Group>
              <Button type="submit" loading={busy}>
                抽出を開始
              </Button>
              <Button variant="default" onClick={onClose}>
                キャンセル
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </AppModal>
  );
}
