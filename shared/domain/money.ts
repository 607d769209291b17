/** Money: every amount in the programme is whole yuan (integers, never floats of yuan). */

/** ¥1,234,567 — grouping done by hand so the text is the same under any ICU build. */
export function yuan(amount: number | bigint): string {
  const negative = typeof amount === 'bigint' ? amount < 0n : amount < 0;
  const digits = String(negative ? -amount : amount);
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${grouped}`;
}

/** A whole, non-negative number of yuan. */
export const isWholeYuan = (n: unknown): n is number =>
  typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
