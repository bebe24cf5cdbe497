import { errorMessage, type ApiError } from '../api/errors.js';
import type { Language, Translate } from './index.js';
import { districtNameIn } from './names.js';

/** A failed request in the user's words: the catalogue's message for its code, districts named rather than numbered. */
export function errorText(i18n: { t: Translate; language: Language }, error: ApiError): string {
  const { key, districts = {} } = errorMessage(error);
  const named = Object.fromEntries(Object.entries(districts).map(([param, code]) => [param, districtNameIn(code, i18n.language) ?? code]));
  return i18n.t(key, named);
}
