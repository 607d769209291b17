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

/**
 * Unicode bidirectional controls (embeddings, overrides, isolates and the LRM/RLM/ALM marks):
 * invisible, and able to make a name read backwards or hide text ("Trojan Source"). Chinese and
 * English names and texts never need them: the API refuses them on input, the notice drops them.
 */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
