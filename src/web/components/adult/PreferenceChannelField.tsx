import { Group, Radio } from '@mantine/core';

/** The 受付方法 staff choose when typing an answer (CSV/XML are set by the import). */
const entryChannels = ['paper', 'phone', 'counter'] as const;
const channelShort: Record<string, string> = { paper: '紙', phone: '電話', counter: '窓口' };

type Props = {
  value: string;
  onChange(channel: string): void;
  /** every 受付方法's full name by code */
  channels: Record<string, string>;
  error?: string;
};

/** 受付方法 of an answer: 紙 / 電話 / 窓口, and an imported answer's own (CSV, 電子申請 …) while it is edited. */
export function PreferenceChannelField({ value, onChange, channels, error }: Props) {
  return (
    <Radio.Group label="受付方法" value={value} onChange={onChange} error={error}>
      <Group gap="sm" mt={6}>
        {entryChannels.map((c) => (
          <Radio key={c} value={c} label={channelShort[c]} name="pref-channel" title={channels[c]} />
        ))}
        {!entryChannels.includes(value as (typeof entryChannels)[number]) && (
          <Radio value={value} label={channels[value] ?? value} name="pref-channel" />
        )}
      </Group>
    </Radio.Group>
  );
}
