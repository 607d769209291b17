import { describe, expect, it } from 'vitest';
import { negotiateLang } from '../../../shared/http/i18n.ts';

describe('negotiateLang', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en-US,en;q=0.9,zh;q=0.8', 'en'],
    ['fr-FR, zh;q=0.5', 'zh'],
    ['en;q=0.4, zh-TW;q=0.6', 'zh'],
    ['zh;q=0, en', 'en'],
    ['de', 'en'],
    ['ZH-hans', 'zh'],
  ])('%s → %s', (header, expected) => {
    expect(negotiateLang(header)).toBe(expected);
  });
});
