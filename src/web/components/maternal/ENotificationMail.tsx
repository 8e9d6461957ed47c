import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { eNotificationsApi } from '../../lib/e-notifications-api.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki, parseDateInput } from '../../lib/wareki.ts';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

const todayIso = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

/**
 * 母子健康手帳等の送付 (F06-02 手順7〜9): the selected 郵送待ち as one mailing (送付状 + 受診券); printing, 宛名シール and
 * the send records are on the mailing screen.
 */
export function ENotificationMail({ ids, onMade }: { ids: number[]; onMade(): void }) {
  const [sendDate, setSendDate] = useState(formatWareki(todayIso()));
  const [made, setMade] = useState<{ mailingId: number; count: number } | null>(null);
  const { busy, error, setError, run } = useSave();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!ids.length) {
      setError('送付する届出を一覧のチェックで選んでください。');
      return;
    }
    const d = parseDateInput(sendDate);
    if (!d.ok) {
      setError(`発送日: ${d.message}`);
      return;
    }
    void run(async () => {
      setMade(await eNotificationsApi.mail(ids, d.date));
      onMade();
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="母子健康手帳等の送付">
      <Stack gap="xs">
        <Group align="start">
          <DateField label="発送日" value={sendDate} onChange={setSendDate} w={220} />
          <Button type="submit" loading={busy} mt={24}>
            母子健康手帳等の送付を作成
          </Button>
          <Text size="sm" mt={30}>
            選んだ届出: {ids.length}件
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          選んだ方の送付状（母子健康手帳等の送付について）と受診券を1つの郵送物にします。印刷・宛名シール・送付情報の
          登録は郵送物の画面で行います。
        </Text>
        <ErrorAlert error={error} title="送付を作成できません" />
        {made && (
          <Alert color="teal" variant="light" role="status" title="送付を作成しました">
            {made.count}人分の郵送物を作成しました。{' '}
            <Anchor component={Link} to={`/mailings/${made.mailingId}`}>
              作成した郵送物を開く
            </Anchor>
          </Alert>
        )}
      </Stack>
    </form>
  );
}
