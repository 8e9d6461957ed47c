import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { resultDefinitions, suggestJudgement } from '../../../server/modules/adult-health/results-items.ts';
import { checkResult } from '../../../server/modules/adult-health/results-rules.ts';
import type { ProgramCode } from '../../../server/modules/programs/types.ts';
import { today } from '../../../server/platform/calendar/date-age.ts';
import {
  type ProgramDefinition,
  type ResultSheet,
  type ResultsMeta,
  type ResultValues,
  resultsApi,
  type ScreeningResult,
} from '../../lib/results-api.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki, parseDateInput } from '../../lib/wareki.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ChoiceInput } from './ChoiceInput.tsx';
import { ItemField } from './ItemField.tsx';

/** What stays from one 結果票 to the next of the stack (same day, same clinic). */
export type Sticky = { screenedOn: string; mode: string; institution: string };

const modeChoices = [
  { code: 'individual', label: '個別' },
  { code: 'group', label: '集団' },
];

type Props = {
  meta: ResultsMeta;
  sheet: ResultSheet;
  program: ProgramDefinition;
  /** the result to correct (null = a new one) */
  current: ScreeningResult | null;
  sticky: Sticky;
  /** 集団検診 (F03-02): the person's booking of the session picked from its roster */
  groupBooking?: { bookingId: number; sessionDate: string } | null;
  onSaved(r: ScreeningResult, sticky: Sticky): void;
};

function initial(p: Props): ResultValues & { institution: string } {
  const r = p.current;
  const g = p.groupBooking ?? null;
  const app = g
    ? { mode: 'group' as const, institutionId: null, bookingId: g.bookingId, sessionDate: g.sessionDate }
    : p.sheet.applications.find((a) => a.programs.includes(p.program.code));
  const inst = p.meta.institutions.find((i) => i.id === (r?.institutionId ?? app?.institutionId));
  return {
    program: p.program.code,
    screenedOn: r?.screenedOn ?? app?.sessionDate ?? p.sticky.screenedOn,
    mode: r?.mode ?? app?.mode ?? (p.sticky.mode || null),
    institution: inst?.code ?? (r ? '' : p.sticky.institution),
    institutionId: inst?.id ?? null,
    method: r?.method ?? (p.program.methods.length === 1 ? p.program.methods[0]!.code : null),
    result: r?.result ?? '',
    // values of items no longer on the form (a city item made 無効) stay stored: the server keeps them
    items: Object.fromEntries(
      Object.entries(r?.items ?? {})
        .filter(([k]) => p.program.items.some((i) => i.key === k))
        .map(([k, v]) => [k, String(v)]),
    ),
    note: r?.note ?? '',
    bookingId: r?.bookingId ?? app?.bookingId ?? null,
    id: r?.id ?? null,
    version: r?.version ?? null,
  };
}

/**
 * One 結果票 typed in: 受診日 (和暦可), 受診区分, 実施機関 (医療機関コード or name), 検査方法, the program's items,
 * 判定 (filled in from the items where the rules name one) — Enter moves on, Enter on the last field saves.
 * Errors show as the clerk types (the server's own check, run here), and the server checks again.
 */
export function ResultForm(props: Props) {
  const { meta, sheet, program } = props;
  const [v, setV] = useState(() => initial(props));
  const [tried, setTried] = useState(false);
  const onKeyDown = useEnterToNext();
  const { busy, error, fieldErrors, run } = useSave();
  const def = resultDefinitions[program.code as ProgramCode];
  const institutions = meta.institutions.filter((i) => i.programs.includes(program.code));
  const inst = institutions.find((i) => i.code === v.institution.trim() || i.name === v.institution.trim());
  const items = program.items.filter(
    (i) => !i.methods || (v.method !== null && i.methods.includes(v.method)),
  );

  const check = useMemo(
    () =>
      checkResult(
        {
          def,
          settings: program,
          extras: program.items.filter((i) => i.extra),
          person: { birthDate: sheet.person.birthDate },
          today: today(),
        },
        { ...v, institutionId: v.mode === 'group' ? null : (inst?.id ?? null) },
      ),
    [def, program, sheet.person.birthDate, v, inst],
  );
  const liveErrors = check.ok ? {} : Object.fromEntries(check.errors.map((e) => [e.field, e.message]));
  const errorOf = (field: string, path = field) =>
    fieldErrors[path] ?? (tried || filled(field) ? liveErrors[field] : undefined);
  const filled = (field: string) =>
    field === 'screenedOn'
      ? v.screenedOn !== ''
      : field === 'result'
        ? v.result !== ''
        : v.items[field] !== undefined;

  const setItem = (key: string, value: string) =>
    setV((s) => {
      const next = { ...s.items, [key]: value };
      if (value === '') delete next[key];
      const suggested = suggestJudgement(def, next, s.method);
      return { ...s, items: next, result: suggested && (s.result === '' || !s.id) ? suggested : s.result };
    });

  function save() {
    setTried(true);
    if (!check.ok) return;
    void run(async () => {
      const saved = await resultsApi.save(sheet.person.id, {
        ...v,
        institutionId: v.mode === 'group' ? null : (inst?.id ?? null),
      });
      props.onSaved(saved, { screenedOn: v.screenedOn, mode: v.mode ?? '', institution: v.institution });
    });
  }

  const parsed = parseDateInput(v.screenedOn);
  return (
    <form
      aria-label={`${program.name}の結果`}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Stack gap="sm">
        <Group gap="xs">
          <Text fw={700}>{program.name}</Text>
          {v.id !== null ? (
            <Badge variant="light">入力済みの結果を修正</Badge>
          ) : (
            <Badge variant="light" color="teal">
              新規
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label="受診日"
            description={
              parsed.ok ? formatWareki(parsed.date) : '例: R8.6.10 / 2026-06-10 / 0610 ではなく年から'
            }
            value={v.screenedOn}
            onChange={(e) => setV({ ...v, screenedOn: e.currentTarget.value })}
            error={errorOf('screenedOn')}
            required
            autoFocus
            autoComplete="off"
          />
          <ChoiceInput
            label="受診区分"
            choices={modeChoices}
            value={v.mode ?? ''}
            onChange={(c) => setV({ ...v, mode: c || null })}
            error={errorOf('mode')}
          />
          {v.mode !== 'group' && (
            <TextInput
              label="実施機関（医療機関コード・名称）"
              description={
                inst
                  ? inst.name
                  : institutions
                      .slice(0, 3)
                      .map((i) => `${i.code} ${i.name}`)
                      .join(' / ')
              }
              value={v.institution}
              onChange={(e) => setV({ ...v, institution: e.currentTarget.value })}
              error={
                v.institution.trim() && !inst
                  ? `医療機関「${v.institution}」は${program.name}の実施機関にありません。コードか名称を確かめてください。`
                  : errorOf('institutionId')
              }
              autoComplete="off"
            />
          )}
          {program.methods.length > 1 && (
            <ChoiceInput
              label="検査方法"
              choices={program.methods.map((m) => ({ code: m.code, label: m.name }))}
              value={v.method ?? ''}
              onChange={(c) => setV({ ...v, method: c || null })}
              error={errorOf('method')}
              required
            />
          )}
          {items.map((item) => (
            <ItemField
              key={item.key}
              item={item}
              value={v.items[item.key] ?? ''}
              onChange={(x) => setItem(item.key, x)}
              error={errorOf(item.key, `items.${item.key}`)}
            />
          ))}
          <ChoiceInput
            label="判定"
            choices={program.judgements.map((j) => ({ code: j.code, label: j.label }))}
            value={v.result}
            onChange={(c) => setV({ ...v, result: c })}
            error={errorOf('result')}
            required
          />
          <TextInput
            label="備考"
            value={v.note}
            onChange={(e) => setV({ ...v, note: e.currentTarget.value })}
            autoComplete="off"
          />
        </SimpleGrid>
        {check.ok && check.value.needsDetailed && (
          <Alert color="orange" variant="light" p="xs">
            要精検: 保存すると精密検査の把握（精検結果入力・精検未受診者勧奨）の対象になります。
          </Alert>
        )}
        <ErrorAlert error={error} title="保存できません" />
        <Group>
          <Button type="submit" loading={busy}>
            保存（Enter）
          </Button>
          {tried && !check.ok && (
            <Text size="sm" c="red" role="alert">
              入力に誤りがあります（{check.errors.length}件）。赤い項目を直してください。
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
