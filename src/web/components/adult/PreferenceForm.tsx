import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { today } from '../../../server/platform/calendar/date-age.ts';
import { type AdultSession, adultKeys, type PreferenceRow, type ProgramCode } from '../../lib/adult-api.ts';
import { ApiError, api } from '../../lib/api.ts';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { PreferenceChannelField } from './PreferenceChannelField.tsx';
import { type Conflict, PreferenceConflict } from './PreferenceConflict.tsx';
import { PreferenceGroupField } from './PreferenceGroupField.tsx';
import { findAnswerOf, type Person, PreferencePerson, toHalfDigits } from './PreferencePerson.tsx';
import { PreferenceKeysHint, PreferencePrograms, usePreferenceKeys } from './PreferencePrograms.tsx';

/** A row of the answers table to edit (nonce: the same row can be chosen twice). */
export type EditRequest = { row: PreferenceRow; nonce: number };

type Props = {
  fiscalYear: number;
  /** programs to offer, in master order (code, name) */
  programs: { code: ProgramCode; name: string }[];
  sessions: AdultSession[];
  channels: Record<string, string>;
  editRequest: EditRequest | null;
  canEdit: boolean;
};

/**
 * 受診希望の登録 (F02-01 step 7), keyboard first: 宛名番号 + Enter finds the person (and their answer of the
 * 年度, loaded for editing), number keys 1–9 toggle the programs, Enter moves on, Enter on 備考 or Ctrl+Enter
 * saves; then the form is cleared (受付方法 and 回答日 stay for the next form of the pile) and the focus is
 * back in 宛名番号.
 */
export function PreferenceForm({ fiscalYear, programs, sessions, channels, editRequest, canEdit }: Props) {
  const queryClient = useQueryClient();
  const atenaRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const [atenaNo, setAtenaNo] = useState('');
  const [looked, setLooked] = useState('');
  const [lookupMessage, setLookupMessage] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);
  const [person, setPerson] = useState<Person | null>(null);
  const [existing, setExisting] = useState<PreferenceRow | null>(null);
  const [chosen, setChosen] = useState<ProgramCode[]>([]);
  const [channel, setChannel] = useState<string>('paper');
  const [wantsGroup, setWantsGroup] = useState(false);
  const [sessionId, setSessionId] = useState('');
  const [answeredOn, setAnsweredOn] = useState(today());
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // 受付方法 and 回答日 of the last save: the next form of the pile starts with them
  const sticky = useRef({ channel: 'paper', answeredOn: today() });

  const names = Object.fromEntries(programs.map((p) => [p.code, p.name]));

  function focusFirstProgram() {
    requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLInputElement>('input[name="pref-programs"]')?.focus();
    });
  }

  function load(p: Person, row: PreferenceRow | null) {
    setPerson(p);
    setExisting(row);
    setConflict(null);
    setError(null);
    setFieldErrors({});
    setSaved(null);
    if (row) {
      setChosen(row.programs);
      setChannel(row.channel);
      setWantsGroup(row.wantsGroup);
      setSessionId(row.sessionId ? String(row.sessionId) : '');
      setAnsweredOn(row.answeredOn);
      setNote(row.note);
    } else {
      setChosen([]);
      setWantsGroup(false);
      setSessionId('');
      setNote('');
      setChannel(sticky.current.channel);
      setAnsweredOn(sticky.current.answeredOn);
    }
  }

  function clear() {
    setAtenaNo('');
    setLooked('');
    setPerson(null);
    setExisting(null);
    setChosen([]);
    setWantsGroup(false);
    setSessionId('');
    setNote('');
    setConflict(null);
    setFieldErrors({});
    setLookupMessage(null);
    setChannel(sticky.current.channel);
    setAnsweredOn(sticky.current.answeredOn);
    requestAnimationFrame(() => atenaRef.current?.focus());
  }

  async function lookup() {
    const no = toHalfDigits(atenaNo);
    setLooked(atenaNo);
    setSaved(null);
    setError(null);
    if (!no) {
      setLookupMessage(null);
      setPerson(null);
      return;
    }
    if (!/^\d+$/.test(no)) {
      setLookupMessage('宛名番号は数字で入力してください。');
      setPerson(null);
      return;
    }
    setLooking(true);
    setLookupMessage(null);
    try {
      const found = await findAnswerOf(fiscalYear, no);
      if (!found) {
        setPerson(null);
        setExisting(null);
        setLookupMessage(`宛名番号 ${no} の方は見つかりません。番号を確かめてください。`);
        return;
      }
      load(found.person, found.row);
      focusFirstProgram();
    } catch (e) {
      setPerson(null);
      setError(e);
    } finally {
      setLooking(false);
    }
  }

  // 修正 from the answers table
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new request loads the row
  useEffect(() => {
    if (!editRequest) return;
    const { row } = editRequest;
    setAtenaNo(row.atenaNo);
    setLooked(row.atenaNo);
    setLookupMessage(null);
    load(
      {
        id: row.residentId,
        atenaNo: row.atenaNo,
        name: row.name,
        nameKana: row.nameKana,
        birthDate: row.birthDate,
      },
      row,
    );
    focusFirstProgram();
  }, [editRequest]);

  // another 年度: start again
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on the 年度 only
  useEffect(() => {
    clear();
    setSaved(null);
  }, [fiscalYear]);

  /** Sets the programs; a chosen session that screens none of them is dropped (集団 stays). */
  function setPrograms(next: ProgramCode[]) {
    const sid = Number(sessionId);
    if (sid && !sessions.find((s) => s.id === sid)?.programs.some((p) => next.includes(p))) setSessionId('');
    setChosen(next);
    if (fieldErrors.programs) setFieldErrors(({ programs: _, ...rest }) => rest);
  }

  const toggle = (code: ProgramCode) =>
    setPrograms(chosen.includes(code) ? chosen.filter((x) => x !== code) : [...chosen, code]);

  const onFormKeyDown = usePreferenceKeys(formRef, programs, toggle);

  function onAtenaKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    void lookup();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!canEdit) return;
    if (!person) {
      setLookupMessage(
        atenaNo.trim() ? '宛名番号を入力して Enter で方を確かめてください。' : '宛名番号を入力してください。',
      );
      atenaRef.current?.focus();
      return;
    }
    if (chosen.length === 0) {
      setFieldErrors({ programs: '希望する検診を1つ以上選んでください（数字キーでも選べます）。' });
      focusFirstProgram();
      return;
    }
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const body = {
        programs: programs.map((p) => p.code).filter((c) => chosen.includes(c)),
        wantsGroup,
        sessionId: sessionId ? Number(sessionId) : null,
        channel,
        answeredOn,
        note,
      };
      await api.put<{ id: number; version: number }>(`/api/adult/preferences/${fiscalYear}/${person.id}`, {
        ...body,
        ...(existing ? { version: existing.version } : {}),
      });
      if (!existing) sticky.current = { channel, answeredOn };
      setSaved(
        `${person.name}（宛名番号 ${person.atenaNo}）の受診希望を${existing ? '修正' : '登録'}しました。`,
      );
      await queryClient.invalidateQueries({ queryKey: adultKeys.preferences(fiscalYear) });
      clear();
    } catch (err) {
      if (err instanceof ApiError) {
        setFieldErrors(err.fields);
        if (err.code === 'VERSION_CONFLICT' && err.current) {
          setConflict(err.current as Conflict);
          void queryClient.invalidateQueries({ queryKey: adultKeys.preferences(fiscalYear) });
        }
      }
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function adoptConflict(keepInput: boolean) {
    if (!conflict || !existing) return;
    const version = conflict.version ?? existing.version;
    if (keepInput) setExisting({ ...existing, version });
    else
      load(person!, {
        ...existing,
        programs: (conflict.programs ?? []) as ProgramCode[],
        wantsGroup: conflict.wantsGroup ?? false,
        sessionId: conflict.sessionId ?? null,
        channel: conflict.channel ?? existing.channel,
        answeredOn: conflict.answeredOn ?? existing.answeredOn,
        note: conflict.note ?? '',
        version,
      });
    setConflict(null);
    setError(null);
    // the chosen button disappears with the notice: keep the focus in the form
    requestAnimationFrame(() => submitRef.current?.focus());
  }

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="pref-form-title">
      <form
        ref={formRef}
        onSubmit={(e) => void submit(e)}
        onKeyDown={onFormKeyDown}
        noValidate
        aria-labelledby="pref-form-title"
      >
        <Stack gap="sm">
          <Group justify="space-between">
            <Text fw={700} id="pref-form-title">
              受診希望の入力
            </Text>
            <PreferenceKeysHint />
          </Group>
          {!canEdit && (
            <Alert color="gray" variant="light">
              受診希望を登録する権限がありません（閲覧のみ）。
            </Alert>
          )}
          {saved && (
            <Alert color="teal" variant="light" role="status" py={6}>
              {saved}
            </Alert>
          )}
          <Group align="flex-start" gap="md">
            <TextInput
              ref={atenaRef}
              label="宛名番号"
              description="入力して Enter"
              value={atenaNo}
              onChange={(e) => {
                setAtenaNo(e.currentTarget.value);
                setLookupMessage(null);
              }}
              onKeyDown={onAtenaKeyDown}
              onBlur={() => {
                if (atenaNo !== looked && atenaNo.trim()) void lookup();
              }}
              error={lookupMessage ?? fieldErrors.residentId}
              inputMode="numeric"
              autoComplete="off"
              autoFocus
              w={180}
              rightSection={looking ? <Text size="xs">検索中</Text> : null}
            />
            <PreferencePerson person={person} fiscalYear={fiscalYear} editing={existing !== null} />
          </Group>

          <PreferencePrograms
            programs={programs}
            chosen={chosen}
            onChange={setPrograms}
            error={fieldErrors.programs}
          />

          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <PreferenceChannelField
              value={channel}
              onChange={setChannel}
              channels={channels}
              error={fieldErrors.channel}
            />
            <PreferenceGroupField
              wantsGroup={wantsGroup}
              sessionId={sessionId}
              chosen={chosen}
              sessions={sessions}
              names={names}
              errors={fieldErrors}
              onChange={(v) => {
                setWantsGroup(v.wantsGroup);
                setSessionId(v.sessionId);
              }}
            />
            <DateField
              label="回答日"
              value={answeredOn}
              onChange={setAnsweredOn}
              error={fieldErrors.answeredOn}
            />
            <TextInput
              label="備考（任意）"
              value={note}
              maxLength={500}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={fieldErrors.note}
              autoComplete="off"
            />
          </SimpleGrid>

          <ErrorAlert
            error={error}
            title={conflict ? '他の利用者が先に更新しました' : '登録できません'}
            fieldsShown={['programs', 'channel', 'wantsGroup', 'sessionId', 'answeredOn', 'note']}
          />
          {conflict && existing && (
            <PreferenceConflict
              conflict={conflict}
              input={{
                programs: chosen,
                wantsGroup,
                sessionId: Number(sessionId) || null,
                channel,
                answeredOn,
                note,
              }}
              names={names}
              channels={channels}
              sessions={sessions}
              onAdopt={adoptConflict}
            />
          )}
          <Group>
            <Button ref={submitRef} type="submit" loading={busy} disabled={!canEdit}>
              {existing ? '修正を登録' : '登録'}
            </Button>
            <Button variant="default" onClick={clear}>
              クリア
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
