import { Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { MaternalSettings, VoucherPlanEntry } from '../../server/modules/maternal/settings-rules.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { MaternalNav } from '../components/maternal/MaternalNav.tsx';
import { useAuth } from '../lib/auth.tsx';
import { formatJst } from '../lib/format.ts';
import {
  type MaternalSettingsView,
  maternalSettingsApi,
  maternalSettingsKeys,
} from '../lib/maternal-settings-api.ts';
import { useVersionedSave } from '../lib/useSave.ts';

const yen = (n: number | null) => (n === null ? '上限なし（全額）' : `${n.toLocaleString('ja-JP')}円`);
const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** A number as typed (全角・カンマ可); '' → null; anything else → undefined (not a whole number). */
function wholeNumber(s: string): number | null | undefined {
  const t = s.normalize('NFKC').replace(/[,\s]/g, '');
  if (!t) return null;
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

type Row = { enabled: boolean; count: string; limitYen: string; noLimit: boolean };

/**
 * 母子保健 › 母子保健の設定 (閲覧: 事業マスタの閲覧; 変更: 事業マスタの変更): the 受診券 a new 妊娠届 issues (回数・助成上限・
 * 交付しない種類), the EPDS フォロー対象 cut-offs and the 低出生体重 threshold. Each field shows the default in code beside
 * it; an empty field keeps the default. Saved at the version read (a conflict says so and keeps the input).
 */
export function MaternalSettingsScreen() {
  const q = useQuery({ queryKey: maternalSettingsKeys.all, queryFn: maternalSettingsApi.get });
  // kept here: the form is built anew from the saved version
  const [done, setDone] = useState(false);
  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        母子保健の設定
      </Title>
      <MaternalNav />
      <Text size="sm" c="dimmed">
        市町村ごとに異なる、または国の基準が定まっていない値です。空欄の項目は既定の値を使います。変更は保存した時から
        新しい妊娠届（受診券の交付）・健診結果の入力と取込・出生連絡票の判定に使われます。交付済みの受診券の助成上限は
        変わりません。
      </Text>
      <ErrorAlert error={q.error} />
      {q.data && <SettingsForm key={q.data.version} data={q.data} done={done} setDone={setDone} />}
    </Stack>
  );
}

function SettingsForm({
  data,
  done,
  setDone,
}: {
  data: MaternalSettingsView;
  done: boolean;
  setDone: (done: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const { can } = useAuth();
  const editable = can('programs.edit');
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(
      data.defaults.voucherTypes.map((t) => {
        const p = data.voucherPlan[t.kind] ?? {};
        return [
          t.kind,
          {
            enabled: p.enabled !== false,
            count: text(p.count),
            limitYen: text(p.limitYen),
            noLimit: p.limitYen === null,
          },
        ];
      }),
    ),
  );
  const [epds, setEpds] = useState(text(data.epdsFollowUpThreshold));
  const [selfHarm, setSelfHarm] = useState(text(data.epdsSelfHarmThreshold));
  const [grams, setGrams] = useState(text(data.lowBirthWeightGrams));
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useVersionedSave<MaternalSettingsView>(data.version);
  const errors = { ...save.fieldErrors, ...local };

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const bad: Record<string, string> = {};
    const num = (path: string, s: string, what: string) => {
      const n = wholeNumber(s);
      if (n === undefined) bad[path] = `${what}は数字（整数）で入れるか、空欄にしてください。`;
      return n ?? null;
    };
    const voucherPlan: Record<string, VoucherPlanEntry> = {};
    for (const t of data.defaults.voucherTypes) {
      const r = rows[t.kind]!;
      const entry: VoucherPlanEntry = {};
      const count = num(`voucherPlan.${t.kind}.count`, r.count, `${t.label}の回数`);
      if (count !== null) entry.count = count;
      if (r.noLimit) entry.limitYen = null;
      else {
        const limit = num(`voucherPlan.${t.kind}.limitYen`, r.limitYen, `${t.label}の助成上限`);
        if (limit !== null) entry.limitYen = limit;
      }
      if (!r.enabled) entry.enabled = false;
      if (Object.keys(entry).length) voucherPlan[t.kind] = entry;
    }
    const v: MaternalSettings = {
      voucherPlan,
      epdsFollowUpThreshold: num('epdsFollowUpThreshold', epds, 'EPDS の合計点の基準'),
      epdsSelfHarmThreshold: num('epdsSelfHarmThreshold', selfHarm, 'EPDS 問10 の基準'),
      lowBirthWeightGrams: num('lowBirthWeightGrams', grams, '低出生体重の基準'),
    };
    setLocal(bad);
    if (Object.keys(bad).length) return;
    void save.run(async () => {
      await maternalSettingsApi.save({ ...v, version: save.version });
      setDone(true);
      for (const key of [['maternal'], ['maternal-checkups', 'meta'], ['infant', 'meta']])
        await queryClient.invalidateQueries({ queryKey: key });
    });
  }
  const setRow = (kind: string, patch: Partial<Row>) =>
    setRows((r) => ({ ...r, [kind]: { ...r[kind]!, ...patch } }));
  const d = data.defaults;

  return (
    <Paper withBorder p="sm" component="section" aria-label="母子保健の自治体設定">
      <form onSubmit={submit} noValidate aria-label="母子保健の設定の変更">
        <Stack gap="sm">
          <ErrorAlert error={save.error} title="保存できません" fieldsShown={Object.keys(errors)} />
          {!editable && (
            <Text size="sm" role="note">
              設定の変更には「事業マスタの変更」の権限が必要です。ここでは今の設定を確認できます。
            </Text>
          )}
          <Title order={2} size="h5">
            受診券（妊娠届のときに交付）
          </Title>
          <Table withTableBorder fz="sm" aria-label="受診券の種類">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>種類</Table.Th>
                <Table.Th>交付する</Table.Th>
                <Table.Th>
                  回数（{data.limits.count[0]}〜{data.limits.count[1]}）
                </Table.Th>
                <Table.Th>助成上限（円/回）</Table.Th>
                <Table.Th>既定</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.voucherTypes.map((t) => {
                const r = rows[t.kind]!;
                return (
                  <Table.Tr key={t.kind} data-kind={t.kind}>
                    <Table.Td>{t.label}</Table.Td>
                    <Table.Td>
                      <Checkbox
                        aria-label={`${t.label}を交付する`}
                        checked={r.enabled}
                        disabled={!editable}
                        onChange={(e) => setRow(t.kind, { enabled: e.currentTarget.checked })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`${t.label}の回数`}
                        placeholder={String(t.count)}
                        value={r.count}
                        readOnly={!editable}
                        disabled={!r.enabled}
                        maxLength={3}
                        w={90}
                        onChange={(e) => setRow(t.kind, { count: e.currentTarget.value })}
                        error={errors[`voucherPlan.${t.kind}.count`]}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap" align="flex-start">
                        <TextInput
                          aria-label={`${t.label}の助成上限（円）`}
                          placeholder={t.limitYen === null ? '' : String(t.limitYen)}
                          value={r.noLimit ? '' : r.limitYen}
                          readOnly={!editable}
                          disabled={!r.enabled || r.noLimit}
                          maxLength={7}
                          w={110}
                          onChange={(e) => setRow(t.kind, { limitYen: e.currentTarget.value })}
                          error={errors[`voucherPlan.${t.kind}.limitYen`]}
                        />
                        <Checkbox
                          mt={6}
                          label="上限なし"
                          aria-label={`${t.label}の助成上限なし（全額）`}
                          checked={r.noLimit}
                          disabled={!editable || !r.enabled}
                          onChange={(e) => setRow(t.kind, { noLimit: e.currentTarget.checked })}
                        />
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {t.count}回{t.perFetus ? '（胎児1人あたり）' : ''}・{yen(t.limitYen)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            回数を変えた妊婦健診は、既定の受診時期（妊娠11週〜39週）に割り振ります（転入の方には過ぎていない回を交付）。
          </Text>
          <Title order={2} size="h5">
            フォロー対象・低出生体重の基準
          </Title>
          <Group align="flex-start" gap="lg">
            <TextInput
              label="EPDS 合計点（この点数以上をフォロー対象）"
              description={`既定: ${d.epdsFollowUpThreshold}点以上（${data.limits.epdsFollowUpThreshold.join('〜')}点）`}
              placeholder={String(d.epdsFollowUpThreshold)}
              value={epds}
              readOnly={!editable}
              maxLength={2}
              onChange={(e) => setEpds(e.currentTarget.value)}
              error={errors.epdsFollowUpThreshold}
            />
            <TextInput
              label="EPDS 問10（自分を傷つける考え）の点数"
              description={`既定: ${d.epdsSelfHarmThreshold}点以上（${data.limits.epdsSelfHarmThreshold.join('〜')}点）`}
              placeholder={String(d.epdsSelfHarmThreshold)}
              value={selfHarm}
              readOnly={!editable}
              maxLength={1}
              onChange={(e) => setSelfHarm(e.currentTarget.value)}
              error={errors.epdsSelfHarmThreshold}
            />
            <TextInput
              label="低出生体重の基準（この重さ未満, g）"
              description={`既定: ${d.lowBirthWeightGrams.toLocaleString('ja-JP')}g未満（${data.limits.lowBirthWeightGrams.map((n) => n.toLocaleString('ja-JP')).join('〜')}g）`}
              placeholder={String(d.lowBirthWeightGrams)}
              value={grams}
              readOnly={!editable}
              maxLength={5}
              onChange={(e) => setGrams(e.currentTarget.value)}
              error={errors.lowBirthWeightGrams}
            />
          </Group>
          <Text size="xs" c="dimmed">
            {data.updatedAt
              ? `最終更新 ${formatJst(data.updatedAt)}`
              : 'まだ変更されていません（すべて既定の値）。'}
          </Text>
          {editable && (
            <Group>
              <Button type="submit" loading={save.busy}>
                保存する
              </Button>
              {done && (
                <Text size="sm" c="teal.9" role="status">
                  保存しました。
                </Text>
              )}
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
