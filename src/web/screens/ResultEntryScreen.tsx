import { Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FiscalYearSelect } from '../components/adult/FiscalYearSelect.tsx';
import { ResidentPicker } from '../components/adult/ResidentPicker.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ResultForm, type Sticky } from '../components/results/ResultForm.tsx';
import { ResultPerson } from '../components/results/ResultPerson.tsx';
import { ResultsTable } from '../components/results/ResultsTable.tsx';
import { SessionRoster } from '../components/results/SessionRoster.tsx';
import { fiscalYearLabel } from '../lib/adult-api.ts';
import { useAuth } from '../lib/auth.tsx';
import { currentFiscalYear } from '../lib/programs-api.ts';
import { resultKeys, resultsApi, type ScreeningResult, sessionRosterApi } from '../lib/results-api.ts';
import type { Resident } from '../lib/types.ts';

/**
 * 検診結果入力 (F03-01 個別検診, F03-02 集団検診の手入力): a clerk with a stack of 結果票 scans the 受診票番号 (a barcode
 * scanner types the number and Enter) or types the 宛名番号, or finds the person by name; picks the program
 * (the one applied for comes first); types the result with Enter moving on; saves; the next 結果票.
 * `?session=ID` (F03-02, from the session's reception screen): the session's people to pick from, with the
 * session's date and 集団 filled in.
 */
export function ResultEntryScreen() {
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const current = currentFiscalYear();
  const [fy, setFy] = useState(current);
  const [q, setQ] = useState('');
  const [residentId, setResidentId] = useState<number | null>(null);
  const [byName, setByName] = useState(false);
  const [picked, setPicked] = useState<Resident | null>(null);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const [program, setProgram] = useState<string | null>(null);
  const [editing, setEditing] = useState<ScreeningResult | null>(null);
  const [sticky, setSticky] = useState<Sticky>({ screenedOn: '', mode: '', institution: '' });
  const [saved, setSaved] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const lookupRef = useRef<HTMLInputElement>(null);
  const [searchParams] = useSearchParams();
  const sessionId = Number(searchParams.get('session')) || null;
  const [booking, setBooking] = useState<{ bookingId: number; sessionDate: string } | null>(null);
  const roster = useQuery({
    queryKey: ['results', 'session', sessionId],
    queryFn: () => sessionRosterApi.get(sessionId!),
    enabled: sessionId !== null,
  });
  const rosterFy = roster.data?.session.fiscalYear;
  useEffect(() => {
    if (rosterFy) setFy(rosterFy);
  }, [rosterFy]);

  const meta = useQuery({ queryKey: resultKeys.meta(fy), queryFn: () => resultsApi.meta(fy) });
  const sheet = useQuery({
    queryKey: resultKeys.sheet(residentId ?? 0, fy),
    queryFn: () => resultsApi.sheet(residentId!, fy),
    enabled: residentId !== null,
  });

  function choosePerson(id: number, fromSession: { bookingId: number; sessionDate: string } | null = null) {
    setBooking(fromSession);
    setResidentId(id);
    setProgram(null);
    setEditing(null);
    setSaved(null);
  }

  async function lookup(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    setLookupError(null);
    try {
      const r = await resultsApi.lookup(q);
      if (r.fiscalYear) setFy(r.fiscalYear);
      choosePerson(r.residentId);
    } catch (err) {
      setLookupError(err);
    }
  }

  function next(message: string) {
    setSaved(message);
    setResidentId(null);
    setPicked(null);
    setQ('');
    setProgram(null);
    setEditing(null);
    setRound((n) => n + 1);
    setTimeout(() => lookupRef.current?.focus(), 0);
  }

  const sessionPrograms = booking ? (roster.data?.session.programs ?? []) : [];
  const programs = (meta.data?.programs ?? []).filter(
    (p) => p.enabled || sheet.data?.results.some((r) => r.program === p.code),
  );
  const applied = new Set([
    ...sessionPrograms,
    ...(sheet.data?.applications.flatMap((a) => a.programs) ?? []),
  ]);
  const done = new Set(sheet.data?.results.map((r) => r.program) ?? []);
  const ordered = [...programs].sort((a, b) => Number(applied.has(b.code)) - Number(applied.has(a.code)));
  const chosenCode = program ?? ordered.find((p) => applied.has(p.code) && !done.has(p.code))?.code ?? null;
  const chosen = programs.find((p) => p.code === chosenCode) ?? null;
  const currentResult =
    editing ?? sheet.data?.results.find((r) => r.program === chosenCode && r.fiscalYear === fy) ?? null;

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="md">
        <Title order={1} size="h3">
          検診結果入力
        </Title>
        <FiscalYearSelect value={fy} current={current} onChange={setFy} id="results-fy" />
        <Button component={Link} to="/adult/results/imports" variant="default" ml="auto">
          結果の取込（CSV・XML）
        </Button>
      </Group>
      <Paper withBorder p="sm" component="section" aria-label="受診者">
        <Stack gap="xs">
          <Group align="flex-end" gap="xs">
            <TextInput
              ref={lookupRef}
              id="results-lookup"
              label="受診票番号・宛名番号"
              description="受診票のバーコードを読み取るか、番号を入力して Enter"
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              onKeyDown={(e) => void lookup(e)}
              autoFocus
              autoComplete="off"
              style={{ flex: 1, maxWidth: 420 }}
            />
            <Button variant="default" onClick={() => setByName((b) => !b)}>
              氏名で探す
            </Button>
          </Group>
          <ErrorAlert error={lookupError} title="見つかりません" />
          {byName && (
            <ResidentPicker
              key={round}
              id="results-person"
              value={picked}
              onChange={(r) => {
                setPicked(r);
                if (r) choosePerson(r.id);
              }}
            />
          )}
          {saved && (
            <Text size="sm" c="teal" role="status">
              {saved}
            </Text>
          )}
        </Stack>
      </Paper>
      {roster.data && meta.data && (
        <SessionRoster
          roster={roster.data}
          programs={meta.data.programs}
          current={residentId}
          onPick={(p) =>
            choosePerson(p.residentId, {
              bookingId: p.bookingId,
              sessionDate: roster.data.session.sessionDate,
            })
          }
        />
      )}
      <ErrorAlert error={meta.error ?? sheet.error ?? roster.error} />
      {residentId !== null && sheet.isPending && <Loader size="sm" aria-label="読み込み中" />}
      {sheet.data && meta.data && (
        <>
          <ResultPerson sheet={sheet.data} />
          <Paper withBorder p="sm" component="section" aria-label="検診の選択">
            <Group gap="xs">
              <Text size="sm">検診:</Text>
              {ordered.map((p) => (
                <Button
                  key={p.code}
                  size="compact-sm"
                  variant={p.code === chosenCode ? 'filled' : applied.has(p.code) ? 'light' : 'default'}
                  onClick={() => {
                    setProgram(p.code);
                    setEditing(null);
                  }}
                  aria-pressed={p.code === chosenCode}
                >
                  {p.name}
                  {done.has(p.code) ? '（入力済）' : applied.has(p.code) ? '（申込あり）' : ''}
                </Button>
              ))}
            </Group>
          </Paper>
          {chosen && can('adult.edit') && (
            <Paper withBorder p="sm">
              <ResultForm
                key={`${residentId}-${chosen.code}-${currentResult?.id ?? 'new'}-${currentResult?.version ?? 0}`}
                meta={meta.data}
                sheet={sheet.data}
                program={chosen}
                current={currentResult}
                sticky={sticky}
                groupBooking={booking}
                onSaved={(r, s) => {
                  setSticky(s);
                  void queryClient.invalidateQueries({ queryKey: ['results', 'sheet'] });
                  void queryClient.invalidateQueries({ queryKey: ['results', 'session'] });
                  next(
                    `保存しました: ${sheet.data.person.name}さん ${chosen.name} ${chosen.judgements.find((j) => j.code === r.result)?.label ?? ''}${r.needsDetailed ? '（要精検）' : ''}。次の結果票をどうぞ。`,
                  );
                }}
              />
            </Paper>
          )}
          <ResultsTable
            title={`${fiscalYearLabel(fy)}の結果`}
            results={sheet.data.results}
            programs={meta.data.programs}
            onEdit={(r) => {
              setProgram(r.program);
              setEditing(r);
            }}
          />
        </>
      )}
    </Stack>
  );
}
