import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { today } from '../../../../server/platform/calendar/date.ts';
import { openPdfInTab } from '../../../lib/pdf.ts';
import { type ReliefCaseView, reliefApi } from '../../../lib/vaccination-relief-api.ts';
import { formatWareki } from '../../../lib/wareki.ts';
import { DateField } from '../../DateField.tsx';
import { ErrorAlert } from '../../ErrorAlert.tsx';
import { useCaseChange } from './useCaseChange.ts';

type Props = { file: ReliefCaseView };

/** 進達書: the cover letter to the prefecture (the case and the documents received), addressed as typed. */
export function ForwardLetterPrint({ file }: Props) {
  const [addressee, setAddressee] = useState('');
  const { busy, error, run } = useCaseChange();
  return (
    <Paper withBorder p="sm" component="section" aria-label="進達書の印刷">
      <Title order={2} size="h5" mb="xs">
        進達書
      </Title>
      <Group align="flex-end" gap="sm">
        <TextInput
          label="宛先（都道府県知事）"
          placeholder="例: すこやか県知事"
          value={addressee}
          onChange={(e) => setAddressee(e.currentTarget.value)}
          autoComplete="off"
          w={260}
        />
        <Button
          variant="default"
          loading={busy}
          onClick={() => void run(() => openPdfInTab(() => reliefApi.forwardLetter(file.case.id, addressee)))}
        >
          進達書を印刷
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        受付番号・被接種者・請求の内容と、受理日のある請求書類を載せます。宛先が空欄のときは「都道府県知事」と印刷します。
      </Text>
      <ErrorAlert error={error} title="進達書を作れません" />
    </Paper>
  );
}

/**
 * 認定・否認の通知 to the 請求者 (their name and address, not the vaccinated person's), with a send record in the
 * person's 送付履歴; printing again is a 再発行.
 */
export function NoticePrint({ file }: Props) {
  const [v, setV] = useState({
    sentOn: formatWareki(today()),
    method: 'post' as 'post' | 'hand' | 'counter',
  });
  const { busy, error, run } = useCaseChange();
  const c = file.case;
  return (
    <Paper withBorder p="sm" component="section" aria-label="通知の印刷">
      <Stack gap="xs">
        <Title order={2} size="h5">
          {c.status === 'recognized' ? '認定' : '否認'}の通知（請求者あて）
        </Title>
        <Text size="sm">
          宛先: {c.claimantName} 様（〒{c.claimantPostalCode} {c.claimantAddress}）
        </Text>
        <Group align="flex-start" gap="sm">
          <DateField label="発送日" value={v.sentOn} onChange={(sentOn) => setV({ ...v, sentOn })} />
          <NativeSelect
            label="送付方法"
            value={v.method}
            onChange={(e) => setV({ ...v, method: e.currentTarget.value as typeof v.method })}
            data={[
              { value: 'post', label: '郵送' },
              { value: 'hand', label: '手渡し' },
              { value: 'counter', label: '窓口' },
            ]}
          />
          <Button
            mt={24}
            loading={busy}
            onClick={() => void run(() => openPdfInTab(() => reliefApi.notice(c.id, c.version, v)))}
          >
            {file.notices.length ? '通知を再発行' : '通知を印刷'}
          </Button>
        </Group>
        {file.notices.length > 0 && (
          <Text size="xs" c="dimmed">
            送付記録: {file.notices.map((n) => `${formatWareki(n.sentOn)} ${n.recipientName}`).join('、')}
          </Text>
        )}
        <ErrorAlert error={error} title="通知を作れません" />
      </Stack>
    </Paper>
  );
}
