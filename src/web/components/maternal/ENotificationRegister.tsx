import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import {
  type ENotification,
  eNotificationKeys,
  eNotificationsApi,
  matchLabel,
} from '../../lib/e-notifications-api.ts';
import { formatJst } from '../../lib/format.ts';
import { maternalApi, type PregnancyMeta, pregnancyKeys } from '../../lib/maternal-api.ts';
import { useEnterToNext } from '../../lib/useEnterToNext.ts';
import { useVersionedSave } from '../../lib/useSave.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { AppModal } from '../AppModal.tsx';
import { ConflictCurrent } from '../ConflictCurrent.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ENotificationDetails } from './ENotificationDetails.tsx';

const NEW = 'new';
const conflictLabels = { applicationNo: '申請番号', outcomeMessage: '登録の結果', updatedAt: '更新日時' };

/** 妊娠届（電子申請）の確認・登録: one 未登録 notification in a dialog. */
export function ENotificationRegister({ id, onClose }: { id: number; onClose(): void }) {
  const q = useQuery({ queryKey: eNotificationKeys.one(id), queryFn: () => eNotificationsApi.get(id) });
  const meta = useQuery({ queryKey: pregnancyKeys.meta, queryFn: maternalApi.meta });
  const [done, setDone] = useState<ENotification | null>(null);
  return (
    <AppModal opened onClose={onClose} size="80rem" title="妊娠届（電子申請）の確認・登録">
      <ErrorAlert error={q.error ?? meta.error} title="届出を読めません" />
      {done ? (
        <Stack gap="sm">
          <Alert color="teal" variant="light" role="status" title="妊娠届を登録しました">
            申請番号 {done.applicationNo}: {done.outcomeMessage}
          </Alert>
          <Group>
            <Anchor component={Link} to={`/maternal/pregnancies/${done.pregnancyId}`}>
              登録した妊娠届を開く（手帳・受診券）
            </Anchor>
            <Button variant="default" onClick={onClose}>
              閉じる
            </Button>
          </Group>
        </Stack>
      ) : (
        q.data &&
        meta.data && (
          <RegisterForm
            key={q.data.version}
            r={q.data}
            meta={meta.data}
            onDone={setDone}
            reload={() => void q.refetch()}
          />
        )
      )}
    </AppModal>
  );
}

function RegisterForm({
  r,
  meta,
  onDone,
  reload,
}: {
  r: ENotification & { suggestedFlags: string[] };
  meta: PregnancyMeta;
  onDone(n: ENotification): void;
  reload(): void;
}) {
  const enter = useEnterToNext();
  const formRef = useRef<HTMLFormElement>(null);
  // the dialog opened before the 届 was read: start on the mother (the chosen candidate, or 住登外者)
  useEffect(() => formRef.current?.querySelector<HTMLInputElement>('[data-autofocus]')?.focus(), []);
  const save = useVersionedSave<ENotification>(r.version);
  const d = r.data;
  const [mother, setMother] = useState(r.residentId ? String(r.residentId) : '');
  const [flags, setFlags] = useState<string[]>(r.suggestedFlags);
  const [specific, setSpecific] = useState(false);
  const [delivery, setDelivery] = useState<'mail' | 'visit'>(d.delivery);
  const [interview, setInterview] = useState(d.interviewWish === 'yes');
  const [note, setNote] = useState(d.interviewNote);
  const suggested = (f: string) => r.suggestedFlags.includes(f);
  const flagOrder = [
    ...r.suggestedFlags,
    ...Object.keys(meta.riskFlags).filter((f) => !r.suggestedFlags.includes(f)),
  ];

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!mother) {
      save.setError('届出者（母）を候補から選ぶか、「住登外者として登録」を選んでください。');
      return;
    }
    void save.run(async () => {
      onDone(
        await eNotificationsApi.register(r.id, {
          version: save.version,
          residentId: mother === NEW ? null : Number(mother),
          createNonResident: mother === NEW,
          riskFlags: flags,
          specificPregnant: specific,
          delivery,
          interview: { requested: interview, note: interview ? note.trim() : '' },
        }),
      );
    });
  }

  const match = matchLabel(r);
  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={enter} noValidate aria-label="妊娠届（電子申請）の登録">
      <Stack gap="sm">
        <ENotificationDetails r={r} meta={meta} />
        <Title order={3} size="h5">
          届出者（母）の照合{' '}
          <Badge variant="dot" radius="sm" color={match === '確実' || match === '高' ? 'teal.9' : 'yellow.9'}>
            {match}
          </Badge>
        </Title>
        <Text size="sm">{r.matchReasons.join('、')}</Text>
        <Radio.Group value={mother} onChange={setMother} name={`mother-${r.id}`} label="届出者（母）">
          <Stack gap={6} mt={4}>
            {r.candidates.map((c, i) => (
              <Radio
                key={c.residentId}
                value={String(c.residentId)}
                data-autofocus={(mother ? mother === String(c.residentId) : i === 0) || undefined}
                label={`${c.name}（${c.nameKana}） 宛名番号 ${c.atenaNo} ${formatWareki(c.birthDate)} ${c.address}`}
                description={c.reasons.join('、')}
              />
            ))}
            <Radio
              value={NEW}
              data-autofocus={r.candidates.length === 0 || undefined}
              label="住登外者として登録（候補に本人がいない・住民でない方）"
              description={`届出の氏名・生年月日・住所（${d.address}）で住登外者を登録します。`}
            />
          </Stack>
        </Radio.Group>
        <Title order={3} size="h5">
          リスク要因（確認したものにチェック）
        </Title>
        <Group gap="md" role="group" aria-label="リスク要因">
          {flagOrder.map((f) => (
            <Checkbox
              key={f}
              label={`${meta.riskFlags[f] ?? f}${suggested(f) ? '（該当）' : ''}`}
              checked={flags.includes(f)}
              fw={suggested(f) ? 600 : undefined}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setFlags((cur) => (on ? [...cur, f] : cur.filter((x) => x !== f)));
              }}
            />
          ))}
        </Group>
        <Checkbox
          label="特定妊婦として支援する"
          checked={specific}
          onChange={(e) => setSpecific(e.currentTarget.checked)}
        />
        <Radio.Group
          value={delivery}
          onChange={(v) => setDelivery(v as 'mail' | 'visit')}
          name={`delivery-${r.id}`}
          label="母子健康手帳・受診券の交付方法"
        >
          <Group mt={4}>
            <Radio value="mail" label="郵送" />
            <Radio value="visit" label="来庁時に交付" />
          </Group>
        </Radio.Group>
        <Group align="end">
          <Checkbox
            label="面談のため来庁依頼"
            checked={interview}
            onChange={(e) => setInterview(e.currentTarget.checked)}
            mb={8}
          />
          <TextInput
            label="面談の希望日時・メモ"
            value={note}
            maxLength={200}
            disabled={!interview}
            onChange={(e) => setNote(e.currentTarget.value)}
            w={360}
          />
        </Group>
        <ErrorAlert error={save.error} title="登録できません" />
        {save.current && (
          <ConflictCurrent
            current={{ ...save.current, updatedAt: formatJst(save.current.updatedAt) }}
            labels={conflictLabels}
            onLoad={() => {
              save.dismissConflict();
              reload();
            }}
          />
        )}
        <Group>
          <Button type="submit" loading={save.busy}>
            登録（手帳・受診券を発行）
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
