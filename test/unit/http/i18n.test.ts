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

describe('errors read in the language asked for', () => {
  it('a 404 names the entity in Chinese', async () => {
    const { notFound, nouns } = await import('../../../shared/domain/errors.ts');
    expect(notFound(nouns.alliance('a-1')).render('zh').error.message).toBe('未找到：联盟 a-1');
    expect(notFound(nouns.alliance('a-1')).render('en').error.message).toBe('Not found: alliance a-1');
  });
  it('a bilingual reason is rendered in each language', async () => {
    const { conflict } = await import('../../../shared/domain/errors.ts');
    const both = conflict({
      en: 'round r-1 no longer accepts applications',
      zh: '申报批次 r-1 已不再接受申报',
    });
    expect(both.render('zh').error.message).toBe('冲突：申报批次 r-1 已不再接受申报');
    expect(both.render('en').error.message).toBe('Conflict: round r-1 no longer accepts applications');
  });
  it('the HTTP adapter gives each domain error its status, once', async () => {
    const { conflict, notFound, nouns, ruleViolation, versionConflict, invalid, unavailable } = await import(
      '../../../shared/domain/errors.ts'
    );
    const { httpStatusOf } = await import('../../../shared/http/errors.ts');
    expect(httpStatusOf(notFound(nouns.round('r')))).toBe(404);
    expect(httpStatusOf(conflict({ en: 'x', zh: 'x' }))).toBe(409);
    expect(httpStatusOf(versionConflict(3))).toBe(409);
    expect(httpStatusOf(ruleViolation(['E3'], []))).toBe(422);
    expect(httpStatusOf(invalid('body.x', { en: 'bad', zh: '无效' }))).toBe(400);
    expect(httpStatusOf(unavailable({ en: 'scheduler', zh: '调度' }))).toBe(503);
    expect(httpStatusOf(new Error('boom'))).toBe(500);
  });
});
