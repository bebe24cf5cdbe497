import { createContext, useContext } from 'react';
import { zhCN, type MessageKey } from './zh-CN.js';
import { en } from './en.js';

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
export type { MessageKey };

export const catalogues: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Replaces `{name}` with params.name; an unknown parameter stays visible so that a missing value is noticed. */
export function formatMessage(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, params) => formatMessage(catalogue[key] ?? key, params);
}

/** Looks up a key built from data (e.g. `status.${status}`), falling back to the raw value for unknown codes. */
export function translateCode(t: Translate, prefix: string, code: string | null | undefined): string {
  if (code == null) return t('detail.none');
  const key = `${prefix}.${code}` as MessageKey;
  return key in zhCN ? t(key) : code;
}

export function isLanguage(value: unknown): value is Language {
  return value === 'zh-CN' || value === 'en';
}

export const I18nContext = createContext<{ language: Language; t: Translate }>({
  language: DEFAULT_LANGUAGE,
  t: translator(DEFAULT_LANGUAGE),
});

export function useI18n(): { language: Language; t: Translate } {
  return useContext(I18nContext);
}
