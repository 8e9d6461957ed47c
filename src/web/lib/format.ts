/** Display helpers. */

/** An instant as JST 'YYYY/MM/DD HH:mm:ss'. */
export function formatJst(at: string | null | undefined): string {
  if (!at) return '';
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return d.toLocaleString('ja-JP', {
    timeZone: 'Asia/Tokyo',
    hour12: false,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** '1234567' → '123-4567'. */
export function formatPostal(code: string | null | undefined): string {
  if (!code) return '';
  return /^\d{7}$/.test(code) ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}

export const formatCount = (n: number) => n.toLocaleString('ja-JP');
