import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import {
  fetchEntries,
  findByAtenaNo,
  type Judgement,
  type ListEntry,
  type TargetList,
} from '../../lib/adult-api.ts';
import { api } from '../../lib/api.ts';
import type { Resident } from '../../lib/types.ts';
import { formatWareki } from '../../lib/wareki.ts';
import { AppModal } from '../AppModal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusBadges } from '../StatusBadges.tsx';
import { JudgementTable } from './JudgementTable.tsx';

type Props = {
  list: TargetList;
  programName(code: string): string;
  methodName(program: string, method: string): string;
  /** shown when the person is not on the list and the user may add people */
  onAdd?(person: Resident): void;
  onClose(): void;
};

type Found = { person: Resident; judgements: Judgement[]; entry: ListEntry | null };

/** 判定を確認: why is this person (not) on the list? — the judgement with the list's settings, now. */
export function JudgementModal({ list, programName, methodName, onAdd, onClose }: Props) {
  const [atenaNo, setAtenaNo] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [notFound, setNotFound] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const no = atenaNo.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    setFound(null);
    setNotFound(null);
    setError(null);
    if (!/^\d+$/.test(no)) {
      setNotFound('宛名番号を数字で入力してください。');
      return;
    }
    setBusy(true);
    try {
      const person = await findByAtenaNo(no);
      if (!person) {
        setNotFound(`宛名番号 ${no} の方は見つかりません。番号を確かめてください。`);
        return;
      }
      const [j, entries] = await Promise.all([
        api.get<{ judgements: Judgement[] }>(`/api/adult/lists/${list.id}/entries/${person.id}/judgement`),
        fetchEntries(list.id, { q: person.atenaNo, limit: 1 }),
      ]);
      setFound({
        person,
        judgements: j.judgements,
        entry: entries.rows.find((r) => r.residentId === person.id) ?? null,
      });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const onList = found?.entry;
  return (
    <AppModal opened onClose={onClose} title="判定を確認" size="xl">
      <Stack gap="sm">
        <Text size="sm">
          宛名番号を入力すると、このリストの条件（抽出時の事業マスタ）で今判定した結果と理由を表示します。
        </Text>
        <form onSubmit={(e) => void submit(e)} noValidate aria-label="判定を確認する方">
          <Group align="flex-start" gap="xs">
            <TextInput
              label="宛名番号"
              value={atenaNo}
              onChange={(e) => setAtenaNo(e.currentTarget.value)}
              inputMode="numeric"
              autoComplete="off"
              error={notFound}
              data-autofocus
              w={320}
            />
            <Button type="submit" loading={busy} mt={25}>
              確認
            </Button>
          </Group>
        </form>
        <ErrorAlert error={error} title="判定を表示できません" />
        {found && (
          <Stack gap="xs" role="region" aria-label="判定結果">
            <Group gap="sm">
              <Anchor component={Link} to={`/residents/${found.person.id}`} fw={700}>
                {found.person.name}
              </Anchor>
              <Text size="sm">{found.person.nameKana}</Text>
              <Text size="sm">宛名番号 {found.person.atenaNo}</Text>
              <Text size="sm">{formatWareki(found.person.birthDate)}生</Text>
              <StatusBadges status={found.person.status} supportMeasure={found.person.supportMeasure} />
            </Group>
            <Alert
              variant="light"
              color={onList ? (onList.included ? 'teal' : 'orange') : 'gray'}
              title={
                onList
                  ? onList.included
                    ? 'このリストに載っています（送付）'
                    : 'このリストに載っていますが除外されています'
                  : 'このリストに載っていません'
              }
            >
              {onList && !onList.included && (
                <Text size="sm">
                  除外理由: {onList.exclusionLabel}
                  {onList.exclusionNote ? `（${onList.exclusionNote}）` : ''}
                </Text>
              )}
              {!onList && found.judgements.some((j) => j.eligible) && (
                <Text size="sm">
                  今の判定では対象の検診があります。抽出後に条件が変わった（転入・受診歴の修正など）可能性があります。
                </Text>
              )}
              {!onList && !found.judgements.some((j) => j.eligible) && (
                <Text size="sm">すべての検診で対象外です。理由は下の表のとおりです。</Text>
              )}
              {!onList && onAdd && list.status === 'ready' && (
                <Button size="xs" variant="light" mt={6} onClick={() => onAdd(found.person)}>
                  この方をリストに追加
                </Button>
              )}
            </Alert>
            <JudgementTable
              rows={found.judgements}
              programName={programName}
              methodName={methodName}
              label="検診ごとの判定"
            />
          </Stack>
        )}
      </Stack>
    </AppModal>
  );
}
