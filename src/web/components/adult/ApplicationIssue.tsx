import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Application, issueTicket } from '../../lib/applications-api.ts';
import { useSave } from '../../lib/useSave.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

type Props = {
  application: Application;
  programName(code: string): string;
  onNext(): void;
  /** the title above the application (default: just registered) */
  heading?: string;
  /** the button after issuing (default: the next application) */
  nextLabel?: string;
};

/**
 * 受診票（券）の発行 of a registered application: 窓口で渡す (the PDF opens at once to print and hand over) or
 * 郵送 (the PDF to print and mail); either way a send record is written (送付履歴).
 */
export function ApplicationIssue(props: Props) {
  const { application: a, programName, onNext } = props;
  const [done, setDone] = useState<{ url: string; method: 'counter' | 'post' } | null>(null);
  const { busy, error, run } = useSave();

  function issue(method: 'counter' | 'post') {
    // open the tab now (inside the click) so that the browser does not block it as a pop-up
    const tab = method === 'counter' ? window.open('', '_blank') : null;
    void run(async () => {
      try {
        const blob = await issueTicket(a.id, method);
        const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
        if (tab) {
          tab.opener = null;
          tab.location.href = url;
        }
        setDone({ url, method });
      } catch (err) {
        tab?.close();
        throw err;
      }
    });
  }

  const what = `${a.programs.map(programName).join('・')}（${
    a.mode === 'group' && a.sessionDate
      ? `集団 ${formatWareki(a.sessionDate)} ${a.startTime}〜 ${a.venueName}`
      : `個別${a.institutionName ? ` ${a.institutionName}` : ''}`
  }）`;

  return (
    <Stack gap="sm" aria-label="受診票の発行" role="region">
      <Alert color="teal" variant="light" role="status" title={props.heading ?? '申込を登録しました'}>
        {a.name}（宛名番号 {a.atenaNo}）: {what} 申込番号 {a.id}
      </Alert>
      <ErrorAlert error={error} title="受診票を発行できません" />
      {done ? (
        <Stack gap="xs">
          <Alert color="teal" variant="light" role="status" title="受診票を発行しました">
            {done.method === 'counter'
              ? '受診票（券）のPDFを新しいタブで開きました。印刷してお渡しください。'
              : '受診票（券）のPDFを作りました。印刷して郵送してください。'}
            送付履歴に「{done.method === 'counter' ? '窓口' : '郵送'}」で記録しました。
          </Alert>
          <Group gap="md">
            <Anchor href={done.url} download={`受診票_${a.atenaNo}.pdf`}>
              受診票のPDFを保存
            </Anchor>
            <Anchor component={Link} to={`/residents/${a.residentId}?tab=mailings`}>
              送付履歴を見る
            </Anchor>
            <Anchor component={Link} to="/adult/applications">
              申込一覧へ
            </Anchor>
          </Group>
          <Group>
            <Button onClick={onNext} data-autofocus autoFocus>
              {props.nextLabel ?? '次の申込を受け付ける'}
            </Button>
          </Group>
        </Stack>
      ) : (
        <>
          <Text size="sm">
            受診票（券）を発行してください（クーポン対象の方はクーポン券も印刷されます）。
          </Text>
          <Group>
            <Button onClick={() => issue('counter')} loading={busy} autoFocus>
              窓口で渡す（PDFを開く）
            </Button>
            <Button variant="light" onClick={() => issue('post')} loading={busy}>
              郵送する
            </Button>
            <Button variant="default" onClick={onNext}>
              あとで発行する
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
