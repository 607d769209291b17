import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsccSchema } from '../../../shared/api/organisations.ts';
import {
  describeUsccProblem,
  isValidUscc,
  USCC_ALPHABET,
  USCC_WEIGHTS,
  usccCheckCharacter,
  usccProblem,
} from '../../../shared/domain/uscc.ts';

const CANONICAL = '91350100M000100Y43';

/** A structurally valid first 17: alphabet characters, with the administrative division (3–8) in digits. */
const first17 = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(...USCC_ALPHABET), minLength: 2, maxLength: 2 }),
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 }),
    fc.string({ unit: fc.constantFrom(...USCC_ALPHABET), minLength: 9, maxLength: 9 }),
  )
  .map(([a, b, c]) => a + b + c);

describe('Unified Social Credit Code (GB 32100-2015)', () => {
  it('accepts the canonical example 91350100M000100Y43', () => {
    expect(usccCheckCharacter(CANONICAL.slice(0, 17))).toBe('3');
    expect(isValidUscc(CANONICAL)).toBe(true);
    expect(usccProblem(CANONICAL)).toBeUndefined();
  });

  it('rejects a wrong check character and says which one is right', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    const problem = usccProblem('91350100M000100Y44');
    expect(problem).toEqual({ code: 'check', expected: '3', actual: '4' });
    expect(describeUsccProblem(problem!)).toEqual({
      en: 'the check character is 4; it should be 3',
      zh: '校验码为 4，应为 3',
    });
  });

  it('is strict about case: the function rejects lower case, the schema upper-cases and trims first', () => {
    const lower = ' 91350100m000100y43 ';
    expect(isValidUscc(lower.trim())).toBe(false);
    expect(UsccSchema.parse(lower)).toBe(CANONICAL);
    expect(UsccSchema.safeParse('91350100M000100Y44').success).toBe(false);
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('rejects the forbidden letter %s anywhere', (letter) => {
    expect(USCC_ALPHABET).not.toContain(letter);
    for (const position of [0, 1, 8, 12, 17]) {
      const code = CANONICAL.slice(0, position) + letter + CANONICAL.slice(position + 1);
      expect(isValidUscc(code)).toBe(false);
      expect(usccProblem(code)).toEqual({ code: 'character', position: position + 1, character: letter });
    }
    expect(usccCheckCharacter(`${letter}${CANONICAL.slice(1, 17)}`)).toBeUndefined();
  });

  it('requires exactly 18 characters', () => {
    expect(isValidUscc('')).toBe(false);
    expect(isValidUscc(CANONICAL.slice(0, 17))).toBe(false);
    expect(isValidUscc(`${CANONICAL}0`)).toBe(false);
    expect(usccProblem(CANONICAL.slice(0, 17))).toEqual({ code: 'length', length: 17 });
    expect(usccCheckCharacter(CANONICAL.slice(0, 16))).toBeUndefined();
  });

  it('requires digits in the administrative division (characters 3–8)', () => {
    const first = `91A50100M000100Y4`;
    const code = first + usccCheckCharacter(first);
    expect(isValidUscc(code)).toBe(false);
    expect(usccProblem(code)).toMatchObject({ code: 'division', position: 3 });
  });

  it('has weights 3^i mod 31, none of them zero', () => {
    expect(USCC_WEIGHTS).toHaveLength(17);
    USCC_WEIGHTS.forEach((w, i) => {
      expect(w).toBe(3 ** i % 31);
      expect(w).not.toBe(0);
    });
  });

  it('detects every single substitution, exhaustively: (a − b)·wᵢ ≢ 0 (mod 31) for a ≠ b', () => {
    let pairs = 0;
    for (const w of [...USCC_WEIGHTS, 1]) {
      for (let a = 0; a < 31; a++) {
        for (let b = 0; b < 31; b++) {
          if (a === b) continue;
          expect(Math.abs((a - b) * w) % 31).not.toBe(0);
          pairs++;
        }
      }
    }
    expect(pairs).toBe(18 * 31 * 30);
  });

  it('property: any 17 alphabet characters (digits in 3–8) plus the computed check character is valid', () => {
    fc.assert(
      fc.property(first17, (f) => {
        expect(isValidUscc(f + usccCheckCharacter(f))).toBe(true);
      }),
    );
  });

  it('property: the check character is defined for any 17 alphabet characters', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...USCC_ALPHABET), minLength: 17, maxLength: 17 }),
        (f) => {
          expect(USCC_ALPHABET).toContain(usccCheckCharacter(f));
        },
      ),
    );
  });

  it('property: changing any one character to another alphabet character makes the code invalid', () => {
    fc.assert(
      fc.property(first17, fc.nat({ max: 17 }), fc.nat({ max: 29 }), (f, position, shift) => {
        const code = f + usccCheckCharacter(f);
        const old = USCC_ALPHABET.indexOf(code[position]!);
        const replacement = USCC_ALPHABET[(old + 1 + shift) % 31]!; // any of the 30 others
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(changed).not.toBe(code);
        expect(isValidUscc(changed)).toBe(false);
        // …and by the check character itself, not only the structure: the checksum differs.
        expect(usccCheckCharacter(changed.slice(0, 17)) === changed[17]).toBe(false);
      }),
    );
  });
});
