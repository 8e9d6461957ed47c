import { Button, Group, NativeSelect, Paper, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { today } from '../../../server/platform/calendar/date-age.ts';
import { type Birth, type ChildCard, childCardApi, type InfantMeta } from '../../lib/child-card-api.ts';
import type { Resident } from '../../lib/types.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useVersionedSave } from '../../lib/useSave.ts';
import { ResidentPicker } from '../adult/ResidentPicker.tsx';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { NumberField } from '../NumberField.tsx';

type Props = { card: ChildCard; meta: InfantMeta; onSaved(message: string): void; onCancel?: () => void };

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const num = (s: string) => {
  const t = s.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return t === '' ? null : Number(t);
};

function initial(b: Birth | null) {
  return {
    receivedOn: b?.receivedOn ?? today(),
    receivedVia: b?.receivedVia ?? 'counter',
    birthTime: b?.birthTime ?? '',
    birthWeightG: str(b?.birthWeightG),
    heightCm: b?.heightCm ?? '',
    headCm: b?.headCm ?? '',
    chestCm: b?.chestCm ?? '',
    gestationalWeeks: str(b?.gestationalWeeks),
    gestationalDays: str(b?.gestationalDays),
    delivery: b?.delivery ?? '',
    birthOrder: str(b?.birthOrder),
    apgar1: str(b?.apgar1),
    apgar5: str(b?.apgar5),
    birthPlace: b?.birthPlace ?? '',
    institutionName: b?.institutionName ?? '',
    attendant: b?.details.attendant ?? '',
    remarks: b?.details.remarks ?? '',
    note: b?.note ?? '',
  };
}

const options = (labels: Record<string, string>, empty?: string) => [
  ...(empty === undefined ? [] : [{ value: '', label: empty }]),
  ...Object.entries(labels).map(([value, label]) => ({ value, label })),
];

/** 出生連絡票の入力 (F07-01): keyboard first — Enter moves to the next field, Enter on the last one registers. */
export function BirthForm({ card, meta, onSaved, onCancel }: Props) {
  const [f, setF] = useState(() => initial(card.birth));
  const [mother, setMother] = useState<Resident | null>(null);
  const save = useVersionedSave<Birth>(card.birth?.version ?? 0);
  const onKeyDown = useEnterToNext();
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const motherId = mother?.id ?? card.birth?.motherResidentId ?? null;
  const pregnancy = useQuery({
    queryKey: ['infant', 'mother-pregnancy', motherId, card.child.birthDate],
    queryFn: () => childCardApi.motherPregnancy(motherId!, card.child.birthDate),
    enabled: motherId !== null,
  });
  const e = save.fieldErrors;
  const weight = num(f.birthWeightG);
  const low = weight !== null && weight < meta.lowBirthWeightG;

  function submit() {
    void save.run(async () => {
      const out = await childCardApi.register({
        childResidentId: card.child.id,
        motherResidentId: motherId,
        receivedOn: f.receivedOn,
        receivedVia: f.receivedVia,
        birthTime: f.birthTime.trim(),
        birthWeightG: num(f.birthWeightG),
        heightCm: f.heightCm,
        headCm: f.headCm,
        chestCm: f.chestCm,
        gestationalWeeks: num(f.gestationalWeeks),
        gestationalDays: num(f.gestationalDays),
        delivery: f.delivery,
        birthOrder: num(f.birthOrder),
        apgar1: num(f.apgar1),
        apgar5: num(f.apgar5),
        birthPlace: f.birthPlace,
        institutionName: f.institutionName,
        details: { attendant: f.attendant, remarks: f.remarks },
        note: f.note,
        version: card.birth ? save.version : null,
      });
      const extra = [
        out.handbooks.length ? `母子健康手帳 ${out.handbooks.join('・')} を結び付けました。` : '',
        out.followUpReasons.length ? `フォロー対象に登録: ${out.followUpReasons.join('、')}` : '',
      ].join(' ');
      onSaved(`出生連絡票を${card.birth ? '修正' : '登録'}しました。${extra}`);
    });
  }

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="birth-form-title">
      <Title order={2} size="h5" id="birth-form-title" mb="xs">
        出生連絡票の{card.birth ? '修正' : '登録'}
      </Title>
      <form
        aria-label="出生連絡票の入力"
        onKeyDown={onKeyDown}
        onSubmit={(ev) => {
          ev.preventDefault();
          submit();
        }}
      >
        <ResidentPicker id="birth-mother" value={mother} onChange={setMother} error={e.motherResidentId} />
        <Text size="sm" role="status" mb="xs">
          母: {mother ? `${mother.name}（${mother.atenaNo}）` : (card.mother?.name ?? '未選択')}
          {pregnancy.data &&
            (pregnancy.data.pregnancy
              ? `　妊娠届 ${pregnancy.data.pregnancy.notificationNo}（胎児数 ${pregnancy.data.pregnancy.fetusCount}）`
              : '　結び付ける妊娠届はありません')}
        </Text>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs" verticalSpacing={0}>
          <DateField label="受理日" value={f.receivedOn} onChange={set('receivedOn')} error={e.receivedOn} />
          <NativeSelect
            label="受理の経路"
            data={options(meta.receivedVias)}
            value={f.receivedVia}
            onChange={(ev) => set('receivedVia')(ev.currentTarget.value)}
            error={e.receivedVia}
          />
          <TextInput
            label="出生時刻"
            placeholder="09:45"
            value={f.birthTime}
            onChange={(ev) => set('birthTime')(ev.currentTarget.value)}
            error={e.birthTime}
          />
          <NumberField
            label="出生時体重"
            unit="g"
            value={f.birthWeightG}
            onChange={set('birthWeightG')}
            error={e.birthWeightG}
            description={
              low ? `低出生体重（${meta.lowBirthWeightG.toLocaleString('ja-JP')}g 未満）` : undefined
            }
          />
          <NumberField
            label="身長"
            unit="cm"
            value={f.heightCm}
            onChange={set('heightCm')}
            error={e.heightCm}
          />
          <NumberField label="頭囲" unit="cm" value={f.headCm} onChange={set('headCm')} error={e.headCm} />
          <NumberField label="胸囲" unit="cm" value={f.chestCm} onChange={set('chestCm')} error={e.chestCm} />
          <NumberField
            label="在胎週数（週）"
            unit="週"
            value={f.gestationalWeeks}
            onChange={set('gestationalWeeks')}
            error={e.gestationalWeeks}
          />
          <NumberField
            label="在胎週数（日）"
            unit="日"
            value={f.gestationalDays}
            onChange={set('gestationalDays')}
            error={e.gestationalDays}
          />
          <NativeSelect
            label="分娩方法"
            data={options(meta.deliveryMethods, '（未入力）')}
            value={f.delivery}
            onChange={(ev) => set('delivery')(ev.currentTarget.value)}
            error={e.delivery}
          />
          <NumberField
            label="出生順（多胎）"
            unit="子"
            value={f.birthOrder}
            onChange={set('birthOrder')}
            error={e.birthOrder}
          />
          <NumberField
            label="アプガー 1分"
            unit="点"
            value={f.apgar1}
            onChange={set('apgar1')}
            error={e.apgar1}
          />
          <NumberField
            label="アプガー 5分"
            unit="点"
            value={f.apgar5}
            onChange={set('apgar5')}
            error={e.apgar5}
          />
          <NativeSelect
            label="立会者"
            data={options(meta.attendants, '（未入力）')}
            value={f.attendant}
            onChange={(ev) => set('attendant')(ev.currentTarget.value)}
          />
          <TextInput
            label="出生場所"
            value={f.birthPlace}
            onChange={(ev) => set('birthPlace')(ev.currentTarget.value)}
          />
          <TextInput
            label="医療機関名"
            value={f.institutionName}
            onChange={(ev) => set('institutionName')(ev.currentTarget.value)}
          />
          <TextInput
            label="特記事項"
            value={f.remarks}
            onChange={(ev) => set('remarks')(ev.currentTarget.value)}
          />
          <TextInput label="備考" value={f.note} onChange={(ev) => set('note')(ev.currentTarget.value)} />
        </SimpleGrid>
        <ErrorAlert error={save.error} title="登録できません" fieldsShown={Object.keys(f)} />
        <Group mt="xs">
          <Button type="submit" loading={save.busy}>
            {card.birth ? '修正を保存' : '出生連絡票を登録'}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              取消
            </Button>
          )}
        </Group>
      </form>
    </Paper>
  );
}
