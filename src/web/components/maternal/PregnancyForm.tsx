import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { riskFlagsOf } from '../../../server/modules/maternal/questionnaire.ts';
import {
  dueDateFrom,
  formatGestationalAge,
  gestationalAge,
  pregnancyMonth,
} from '../../../server/platform/calendar/pregnancy.ts';
import type { PregnancyDetail, PregnancyMeta } from '../../lib/maternal-api.ts';
import { maternalApi } from '../../lib/maternal-api.ts';
import type { Resident } from '../../lib/types.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki, parseDateInput } from '../../lib/wareki.ts';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

const todayIso = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
const dateOf = (s: string) => {
  const r = s.trim() ? parseDateInput(s) : null;
  return r?.ok ? r.date : null;
};
const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : null);

/**
 * 妊娠届の入力 (F06-01): 届出日, 出産予定日 or 妊娠週数 (the other shown live), 胎児数, 診断, the 届出時アンケート and
 * the risk flags staff confirm (those the 届 and answers suggest are listed first). Enter moves to the next field.
 */
export function PregnancyForm({
  meta,
  mother,
  onSaved,
}: {
  meta: PregnancyMeta;
  mother: Resident;
  onSaved(d: PregnancyDetail & { id: number }): void;
}) {
  const enter = useEnterToNext();
  const save = useSave();
  const [notifiedOn, setNotifiedOn] = useState(todayIso());
  const [dueDate, setDueDate] = useState('');
  const [weeks, setWeeks] = useState('');
  const [days, setDays] = useState('');
  const [fetusCount, setFetusCount] = useState('1');
  const [source, setSource] = useState<'counter' | 'moved_in'>('counter');
  const [movedCity, setMovedCity] = useState('');
  const [movedBook, setMovedBook] = useState('');
  const [diagnosedBy, setDiagnosedBy] = useState('');
  const [institution, setInstitution] = useState('');
  const [stdTb, setStdTb] = useState<'yes' | 'no' | 'unknown'>('unknown');
  const [occupation, setOccupation] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [flags, setFlags] = useState<string[]>([]);
  const [specific, setSpecific] = useState(false);

  const on = dateOf(notifiedOn);
  const due = dateOf(dueDate);
  const w = int(weeks);
  const computedDue = !due && on && w !== null ? dueDateFrom(on, { weeks: w, days: int(days) ?? 0 }) : null;
  const effectiveDue = due ?? computedDue;
  const age = effectiveDue && on ? gestationalAge(effectiveDue, on) : null;
  const fetus = int(fetusCount) ?? 1;
  const suggested =
    on && mother.birthDate
      ? riskFlagsOf({
          motherBirthDate: mother.birthDate,
          notifiedOn: on,
          fetusCount: fetus,
          weeksAtNotification: age?.weeks ?? null,
          answers,
        })
      : [];
  const fe = save.fieldErrors;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    void save.run(async () => {
      const r = await maternalApi.register({
        motherResidentId: mother.id,
        notifiedOn: on ?? notifiedOn,
        dueDate: due,
        weeks: due ? null : w,
        days: due ? null : (int(days) ?? 0),
        fetusCount: fetus,
        source,
        movedIn: source === 'moved_in' ? { city: movedCity, handbookNo: movedBook, issuedOn: '' } : null,
        diagnosedBy,
        diagnosisInstitution: institution,
        stdTbCheckup: stdTb,
        occupation,
        questionnaire: Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== '')),
        riskFlags: flags,
        specificPregnant: specific,
        note: '',
      });
      onSaved(r);
    });
  }

  const toggle = (f: string, checked: boolean) =>
    setFlags((cur) => (checked ? [...cur, f] : cur.filter((x) => x !== f)));
  const flagOrder = [
    ...suggested,
    ...Object.keys(meta.riskFlags).filter((f) => !suggested.includes(f as never)),
  ];

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} onKeyDown={enter} aria-label="妊娠届の入力">
        <Stack gap="sm">
          <Title order={2} size="h4">
            妊娠届の登録（{mother.name}）
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <DateField
              label="届出日"
              value={notifiedOn}
              onChange={setNotifiedOn}
              error={fe.notifiedOn}
              autoFocus
            />
            <DateField label="出産予定日" value={dueDate} onChange={setDueDate} error={fe.dueDate} />
            <TextInput
              label="届出日の妊娠週数（週）"
              value={weeks}
              onChange={(e) => setWeeks(e.currentTarget.value)}
              disabled={Boolean(due)}
              error={fe.weeks}
              inputMode="numeric"
            />
            <TextInput
              label="日"
              value={days}
              onChange={(e) => setDays(e.currentTarget.value)}
              disabled={Boolean(due)}
              error={fe.days}
              inputMode="numeric"
            />
          </SimpleGrid>
          <Text size="sm" role="status" aria-label="妊娠週数">
            {age && effectiveDue
              ? `届出日に${formatGestationalAge(age)}（妊娠${pregnancyMonth(age)}か月）・出産予定日 ${formatWareki(effectiveDue)}`
              : '出産予定日か届出日の妊娠週数を入れると、週数と予定日を表示します。'}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <TextInput
              label="胎児数"
              value={fetusCount}
              onChange={(e) => setFetusCount(e.currentTarget.value)}
              error={fe.fetusCount}
              inputMode="numeric"
            />
            <NativeSelect
              label="届出の区分"
              value={source}
              onChange={(e) => setSource(e.currentTarget.value as 'counter' | 'moved_in')}
              data={[
                { value: 'counter', label: '窓口' },
                { value: 'moved_in', label: '転入（他市町村で届出済）' },
              ]}
            />
            {source === 'moved_in' && (
              <>
                <TextInput
                  label="転入前の市町村"
                  value={movedCity}
                  onChange={(e) => setMovedCity(e.currentTarget.value)}
                  error={fe['movedIn.city']}
                />
                <TextInput
                  label="転入前の手帳番号"
                  value={movedBook}
                  onChange={(e) => setMovedBook(e.currentTarget.value)}
                />
              </>
            )}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <TextInput
              label="診断した医師・助産師"
              value={diagnosedBy}
              onChange={(e) => setDiagnosedBy(e.currentTarget.value)}
            />
            <TextInput
              label="医療機関"
              value={institution}
              onChange={(e) => setInstitution(e.currentTarget.value)}
            />
            <NativeSelect
              label="性病・結核の健康診断"
              value={stdTb}
              onChange={(e) => setStdTb(e.currentTarget.value as 'yes' | 'no' | 'unknown')}
              data={[
                { value: 'unknown', label: '不明' },
                { value: 'yes', label: '有' },
                { value: 'no', label: '無' },
              ]}
            />
            <TextInput
              label="職業"
              value={occupation}
              onChange={(e) => setOccupation(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Title order={3} size="h5">
            届出時アンケート
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {meta.questions.map((q) =>
              q.type === 'text' ? (
                <TextInput
                  key={q.code}
                  label={q.label}
                  value={answers[q.code] ?? ''}
                  onChange={(e) => setAnswers({ ...answers, [q.code]: e.currentTarget.value })}
                />
              ) : (
                <NativeSelect
                  key={q.code}
                  label={q.label}
                  value={answers[q.code] ?? ''}
                  error={fe[`questionnaire.${q.code}`]}
                  onChange={(e) => setAnswers({ ...answers, [q.code]: e.currentTarget.value })}
                  data={[
                    { value: '', label: '（未回答）' },
                    ...Object.entries(q.options ?? {}).map(([value, label]) => ({ value, label })),
                  ]}
                />
              ),
            )}
          </SimpleGrid>
          <Title order={3} size="h5">
            リスク要因（確認したものにチェック）
          </Title>
          <Group gap="md" role="group" aria-label="リスク要因">
            {flagOrder.map((f) => (
              <Checkbox
                key={f}
                label={`${meta.riskFlags[f]}${suggested.includes(f as never) ? '（該当）' : ''}`}
                checked={flags.includes(f)}
                onChange={(e) => toggle(f, e.currentTarget.checked)}
                fw={suggested.includes(f as never) ? 600 : undefined}
              />
            ))}
          </Group>
          <Checkbox
            label="特定妊婦として支援する"
            checked={specific}
            onChange={(e) => setSpecific(e.currentTarget.checked)}
          />
          <ErrorAlert error={save.error} title="登録できません" />
          <Group>
            <Button type="submit" loading={save.busy}>
              妊娠届を登録し手帳・受診券を発行
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
