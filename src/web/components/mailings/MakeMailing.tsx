import { Anchor, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { sendMethods } from '../../lib/mailings.ts';
import type { Job } from '../../lib/types.ts';
import { useSave } from '../../lib/useSave.ts';
import { parseDateInput } from '../../lib/wareki.ts';
import { JobProgress } from '../adult/JobProgress.tsx';
import { DateField } from '../DateField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = {
  /** e.g. 結果票 */
  what: string;
  /** starts the job that makes the mailing (sendDate as YYYY-MM-DD) */
  start(sendDate: string, method: string): Promise<Job>;
};

/**
 * 郵送物を作成 from what a search found: 発送日 (和暦可) and 送付方法 → a job with its progress → a link to the
 * mailing, where pull-out (引き抜き), printing and send records are done.
 */
export function MakeMailing({ what, start }: Props) {
  const [sendDate, setSendDate] = useState('');
  const [method, setMethod] = useState('post');
  const [job, setJob] = useState<number | null>(null);
  const [mailingId, setMailingId] = useState<number | null>(null);
  const { busy, error, setError, run } = useSave();

  function make() {
    const d = parseDateInput(sendDate);
    if (!d.ok) {
      setError(`発送日: ${d.message}`);
      return;
    }
    void run(async () => setJob((await start(d.date, method)).id));
  }

  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        <DateField label="発送日" value={sendDate} onChange={setSendDate} required />
        <NativeSelect
          label="送付方法"
          value={method}
          onChange={(e) => setMethod(e.currentTarget.value)}
          data={Object.entries(sendMethods).map(([value, label]) => ({ value, label }))}
        />
        <Button onClick={make} loading={busy} disabled={job !== null}>
          郵送物を作成
        </Button>
      </Group>
      <ErrorAlert error={error} title="郵送物を作成できません" />
      {job !== null && (
        <JobProgress
          jobId={job}
          label={`${what}の作成`}
          onFinished={(j) => setMailingId((j.result as { mailingId?: number } | null)?.mailingId ?? null)}
        />
      )}
      {mailingId !== null && (
        <Text size="sm">
          <Anchor component={Link} to={`/mailings/${mailingId}`}>
            作成した郵送物を開く（引き抜き・印刷・送付情報の登録）
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}
