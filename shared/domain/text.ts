/**
 * Bilingual text: every message the programme shows a person exists in Chinese and English at its
 * source (never translated from the English afterwards). The API picks one by Accept-Language.
 */
export type Lang = 'zh' | 'en';

export interface Text {
  en: string;
  zh: string;
}

/** Fills {name} placeholders from `params`; unknown placeholders stay as they are. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    key in params ? String(params[key]) : match,
  );
}

/** Joins texts into one sentence per language ("; " in English, "；" in Chinese). */
export function joinText(parts: readonly Text[]): Text {
  return { en: parts.map((p) => p.en).join('; '), zh: parts.map((p) => p.zh).join('；') };
}
