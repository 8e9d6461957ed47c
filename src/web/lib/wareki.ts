/**
 * 和暦 display and date input for the screens. The rules are the server's own pure calendar
 * kernel (platform/calendar), so what a field accepts here is exactly what the server accepts.
 */
import { isValidDate, naiveAge, today } from '../../server/platform/calendar/date-age.ts';
import { formatWareki as format, type parseDateInput } from '../../server/platform/calendar/wareki.ts';

export { formatWarekiWithSeireki, parseDateInput } from '../../server/platform/calendar/wareki.ts';
export type ParsedDate = ReturnType<typeof parseDateInput>;

/** '1985-01-01' → '昭和60年1月1日'; '' for empty; the input itself when it is not a date. */
export function formatWareki(date: string | null | undefined): string {
  if (!date) return '';
  return isValidDate(date) ? format(date) : date;
}

/** '1985-01-01' → '昭和60年1月1日 (1985)' — the compact form used in tables. */
export function formatWarekiWithYear(date: string | null | undefined): string {
  if (!date) return '';
  return isValidDate(date) ? `${format(date)} (${date.slice(0, 4)})` : date;
}

/** 満年齢 on `on` (default: today in Japan); null when not computable. */
export function ageOn(birth: string, on: string = today()): number | null {
  if (!isValidDate(birth) || !isValidDate(on) || on < birth) return null;
  return naiveAge(birth, on);
}
