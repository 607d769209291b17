/**
 * Unified Social Credit Code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and capitals without I, O, S, V, Z): registration authority (1), organisation
 * type (1), administrative division (6 digits, GB/T 2260), organisation code (9), check character (1).
 * Check character: 31 − (Σ value(cᵢ) × 3ⁱ mod 31) mod 31, over the first 17.
 *
 * Because 31 is prime and every weight 3ⁱ mod 31 is non-zero, the check character detects every
 * single-character substitution (test/unit/domain/uscc.test.ts verifies this exhaustively).
 *
 * The functions are strict: upper case only, no surrounding space. `UsccSchema`
 * (shared/api/organisations.ts) trims and upper-cases what users type before it gets here.
 */
import type { Text } from './text.ts';
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 3ⁱ mod 31 for i = 0..16. */
export const USCC_WEIGHTS: readonly number[] = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/** The check character for the first 17 characters, or undefined if any is outside the alphabet. */
export function usccCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]!);
    if (value < 0) return undefined;
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Why a code is not valid (positions are 1-based, as people count them). */
export type UsccProblem =
  | { code: 'length'; length: number }
  | { code: 'character'; position: number; character: string }
  | { code: 'division'; position: number; character: string }
  | { code: 'check'; expected: string; actual: string };

/** The first problem found in `code`, or undefined when it is a valid code. */
export function usccProblem(code: string): UsccProblem | undefined {
  if (code.length !== 18) return { code: 'length', length: code.length };
  for (let i = 0; i < 18; i++) {
    const c = code[i]!;
    if (!USCC_ALPHABET.includes(c)) return { code: 'character', position: i + 1, character: c };
    if (i >= 2 && i <= 7 && (c < '0' || c > '9')) return { code: 'division', position: i + 1, character: c };
  }
  const expected = usccCheckCharacter(code.slice(0, 17))!;
  return expected === code[17] ? undefined : { code: 'check', expected, actual: code[17]! };
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === undefined;
}

/** A problem in words, English and Chinese. */
export function describeUsccProblem(problem: UsccProblem): Text {
  switch (problem.code) {
    case 'length':
      return {
        en: `has ${problem.length} characters, not 18`,
        zh: `长度为 ${problem.length} 位，应为 18 位`,
      };
    case 'character':
      return {
        en: `character ${problem.position} ("${problem.character}") is not allowed (digits and capitals except I, O, S, V, Z)`,
        zh: `第 ${problem.position} 位（“${problem.character}”）不是允许的字符（数字及除 I、O、S、V、Z 以外的大写字母）`,
      };
    case 'division':
      return {
        en: `character ${problem.position} ("${problem.character}") must be a digit (characters 3–8 are the administrative division code)`,
        zh: `第 ${problem.position} 位（“${problem.character}”）应为数字（第 3–8 位为行政区划码）`,
      };
    case 'check':
      return {
        en: `the check character is ${problem.actual}; it should be ${problem.expected}`,
        zh: `校验码为 ${problem.actual}，应为 ${problem.expected}`,
      };
  }
}
