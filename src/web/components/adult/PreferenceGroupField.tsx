import { Group, NativeSelect, Radio } from '@mantine/core';
import { type AdultSession, type ProgramCode, sessionLabel } from '../../lib/adult-api.ts';
import { formatWareki } from '../../lib/wareki.ts';

type Props = {
  wantsGroup: boolean;
  /** the chosen session's id, '' for none */
  sessionId: string;
  /** the programs chosen in the form: only sessions screening one of them are offered */
  chosen: ProgramCode[];
  sessions: AdultSession[];
  names: Record<string, string>;
  errors: Record<string, string>;
  onChange(v: { wantsGroup: boolean; sessionId: string }): void;
};

/**
 * 希望形態 (個別 / 集団) and the 集団検診 date: choosing a date makes it 集団, 個別 drops the date; 集団 without a
 * date gets one from 日程割当 later.
 */
export function PreferenceGroupField({
  wantsGroup,
  sessionId,
  chosen,
  sessions,
  names,
  errors,
  onChange,
}: Props) {
  const choices = sessions.filter((s) => s.programs.some((p) => chosen.includes(p)));
  return (
    <>
      <Radio.Group
        label="希望形態"
        value={wantsGroup ? 'group' : 'individual'}
        onChange={(v) => onChange({ wantsGroup: v === 'group', sessionId: v === 'group' ? sessionId : '' })}
        error={errors.wantsGroup}
      >
        <Group gap="sm" mt={6}>
          <Radio value="individual" label="個別" name="pref-form" />
          <Radio value="group" label="集団" name="pref-form" />
        </Group>
      </Radio.Group>
      <NativeSelect
        label="集団検診の日程（任意）"
        value={sessionId}
        onChange={(e) => {
          const v = e.currentTarget.value;
          onChange({ wantsGroup: wantsGroup || v !== '', sessionId: v });
        }}
        error={errors.sessionId}
        data={[
          {
            value: '',
            label: !chosen.length
              ? '検診を選ぶと表示します'
              : wantsGroup
                ? '未定（日程割当で決める）'
                : 'なし（個別）',
          },
          ...choices.map((s) => ({ value: String(s.id), label: sessionLabel(s, names, formatWareki) })),
        ]}
      />
    </>
  );
}
