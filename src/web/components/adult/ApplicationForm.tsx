import { Button, Checkbox, Group, NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type Application, type ApplicationCheck, registerApplication } from '../../lib/applications-api.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useSave } from '../../lib/useSave.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = {
  check: ApplicationCheck;
  channels: Record<string, string>;
  /** 窓口 on the counter screen, 電話 otherwise */
  defaultChannel: string;
  onRegistered(a: Application): void;
};

/**
 * 申込情報登録: 受付方法, the programs (those not due this 年度 disabled with their reason), 個別 (医療機関,
 * optional) or 集団 (日程 with 和暦, 会場 and 残り人数). Enter moves to the next field; Enter on the last submits.
 */
export function ApplicationForm({ check, channels, defaultChannel, onRegistered }: Props) {
  const onKeyDown = useEnterToNext();
  const [channel, setChannel] = useState(defaultChannel);
  const [programs, setPrograms] = useState<string[]>([]);
  const [mode, setMode] = useState<'individual' | 'group'>('individual');
  const [institutionId, setInstitutionId] = useState('');
  const [choice, setChoice] = useState('');
  const [note, setNote] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const { busy, error, fieldErrors, run } = useSave();
  const shown = check.history.filter((h) => h.enabled);
  const sessions = check.sessions.filter((s) => programs.every((p) => s.programs.includes(p)));
  const institutions = check.institutions.filter((i) => programs.every((p) => i.programs.includes(p)));
  const key = (s: { sessionId: number; slotId: number | null }) => `${s.sessionId}:${s.slotId ?? ''}`;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!programs.length) return setLocalError('申し込む検診を1つ以上選んでください。');
    if (mode === 'group' && !choice) return setLocalError('集団検診の日程を選んでください。');
    setLocalError(null);
    const chosen = check.sessions.find((s) => key(s) === choice);
    void run(async () => {
      const a = await registerApplication({
        residentId: check.person.id,
        fiscalYear: check.fiscalYear,
        channel,
        programs,
        mode,
        institutionId: mode === 'individual' && institutionId ? Number(institutionId) : null,
        sessionId: mode === 'group' && chosen ? chosen.sessionId : null,
        slotId: mode === 'group' && chosen ? chosen.slotId : null,
        note,
      });
      onRegistered(a);
    });
  }

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label="申込の登録">
      <Stack gap="sm">
        <ErrorAlert error={error} title="登録できません" fieldsShown={['channel', 'programs', 'mode']} />
        <Radio.Group label="受付方法" value={channel} onChange={setChannel} error={fieldErrors.channel}>
          <Group gap="md" mt={4}>
            {Object.entries(channels)
              .filter(([v]) => v !== 'e_application')
              .map(([v, label]) => (
                <Radio key={v} value={v} label={label} name="app-channel" autoFocus={v === defaultChannel} />
              ))}
          </Group>
        </Radio.Group>
        <Checkbox.Group
          label="申し込む検診"
          description="今年度受診できない検診は選べません（理由を表示しています）"
          value={programs}
          onChange={(v) => {
            setPrograms(v);
            setChoice('');
            setInstitutionId('');
          }}
          error={fieldErrors.programs}
        >
          <Stack gap={4} mt={4}>
            {shown.map((h) => (
              <Checkbox
                key={h.program}
                value={h.program}
                disabled={!h.eligible}
                label={
                  h.eligible
                    ? `${h.name}${h.coupon ? '（クーポン対象）' : ''}`
                    : `${h.name}（申込できません: ${h.reasons.join('・')}）`
                }
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Radio.Group
          label="受診形態"
          value={mode}
          onChange={(v) => setMode(v === 'group' ? 'group' : 'individual')}
        >
          <Group gap="md" mt={4}>
            <Radio value="individual" label="個別（医療機関）" name="app-mode" />
            <Radio value="group" label="集団（日程を予約）" name="app-mode" />
          </Group>
        </Radio.Group>
        {mode === 'individual' ? (
          <NativeSelect
            label="希望医療機関（任意）"
            value={institutionId}
            onChange={(e) => setInstitutionId(e.currentTarget.value)}
            data={[
              { value: '', label: '指定なし' },
              ...institutions.map((i) => ({ value: String(i.id), label: i.name })),
            ]}
          />
        ) : (
          <NativeSelect
            label="集団検診の日程"
            description="日付・時間・会場・残り人数"
            value={choice}
            onChange={(e) => setChoice(e.currentTarget.value)}
            error={fieldErrors.sessionId}
            data={[
              {
                value: '',
                label: !programs.length
                  ? '検診を選ぶと表示します'
                  : sessions.length
                    ? '選んでください'
                    : '選んだ検診をすべて行う日程がありません',
              },
              ...sessions.map((s) => ({
                value: key(s),
                label: `${s.dateLabel} ${s.time} ${s.venue}（残り${s.remaining}人）`,
                disabled: s.remaining <= 0,
              })),
            ]}
          />
        )}
        <TextInput
          label="備考"
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.currentTarget.value)}
          autoComplete="off"
        />
        {localError && (
          <Text size="sm" c="red.9" role="alert">
            {localError}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={busy}>
            登録
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
