import { translateCode, translator, type Language, type MessageKey, type Translate } from '../../web/i18n/index.js';

// Printed documents and exported files take their words from the web app's message catalogues (plain data), so that
// a sheet on paper, in a file and on screen says the same thing in the same language.

export type DocumentLanguage = Language;
export type DocumentText = Translate;
export type { MessageKey };

export const documentText = (language: DocumentLanguage = 'zh-CN'): DocumentText => translator(language);

/** The label of a value-list code (`campaign.check.safety`), or the code itself when the catalogue has none. */
export const codeLabel = (t: DocumentText, prefix: string, code: string): string => translateCode(t, prefix, code);
