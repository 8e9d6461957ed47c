import { Checkbox, Group, Text } from '@mantine/core';
import {
  type BenefitType,
  benefitCodes,
  benefitsByCategory,
  benefitTypes,
  categoryLabels,
} from '../../../lib/vaccination-relief-api.ts';

type Props = {
  label: string;
  value: string[];
  onChange(v: string[]): void;
  /** the claim's category (A類/B類): benefits that do not exist for it are disabled, with the reason */
  category: 'A' | 'B' | null;
  /** only these may be chosen (認定 ⊆ 請求) */
  only?: string[];
  error?: string;
};

/**
 * 給付の種類 as checkboxes (Space ticks, Enter moves on): the ones the category has no such benefit for are
 * disabled and say so (§7: 障害児養育年金・死亡一時金 A類 only, 遺族年金・遺族一時金 B類 only).
 */
export function BenefitChecks({ label, value, onChange, category, only, error }: Props) {
  const codes = (only ?? benefitCodes) as BenefitType[];
  return (
    <Checkbox.Group label={label} value={value} onChange={onChange} error={error}>
      <Group gap="md" mt={4}>
        {codes.map((b) => {
          const a = category ? benefitsByCategory[category][b] : 'yes';
          return (
            <Checkbox
              key={b}
              value={b}
              label={
                <>
                  {benefitTypes[b]}
                  {a === 'no' && (
                    <Text span size="xs" c="dimmed">
                      （{categoryLabels[category!]}にはありません）
                    </Text>
                  )}
                  {a === 'unconfirmed' && (
                    <Text span size="xs" c="orange.9">
                      （{categoryLabels[category!]}は未確認）
                    </Text>
                  )}
                </>
              }
              disabled={a === 'no' && !value.includes(b)}
            />
          );
        })}
      </Group>
    </Checkbox.Group>
  );
}
