import { shanghaiDistrict } from '../../server/domain/districts.js';
import { userRoles } from '../../server/domain/vocabulary.js';
import { catalogues, translator, type Language } from './index.js';

// Names of people, places and roles in the language shown. Data hold Chinese names; English ones where the data have
// them (districts), else the Chinese name stays, since a made-up transliteration would name nothing anyone knows.

/** The district's name in `language` from the list of Shanghai's districts, or null for a code that is not one. */
export function districtNameIn(code: string | null | undefined, language: Language): string | null {
  const district = code ? shanghaiDistrict(code) : undefined;
  if (!district) return null;
  return language === 'en' ? district.nameEn : district.name;
}

// "普陀区分管领导 Putuo district leader": Chinese first, then a Latin-script part beginning with a letter.
const BILINGUAL = /^(\P{Script=Latin}*\p{Script=Han}\P{Script=Latin}*?)\s+(\p{Script=Latin}.*)$/u;

/**
 * A display name as the chip shows it. A name written in both languages ("专项行动策划 Campaign planner") gives the
 * part of the language shown; a name that is a role title ("区领导") is translated like the role; any other name is a
 * person's or a post's own name and stays as it is.
 */
export function displayNameIn(displayName: string, language: Language): string {
  const trimmed = displayName.trim();
  const parts = BILINGUAL.exec(trimmed);
  if (parts) return language === 'en' ? parts[2].trim() : parts[1].trim();
  for (const role of userRoles) {
    const key = `role.${role}` as const;
    if (trimmed === catalogues['zh-CN'][key] || trimmed.toLowerCase() === catalogues.en[key].toLowerCase()) return catalogues[language][key];
  }
  return trimmed;
}

export interface UserChipText {
  name: string;
  /** The role's title; null when the name already says it. */
  role: string | null;
  scope: string;
}

export interface ChipUser {
  displayName: string;
  role: (typeof userRoles)[number];
  districtCode: string | null;
  districtName: string | null;
}

/** What the top bar's user chip says: name, role and district scope, all in `language`. */
export function userChipText(user: ChipUser, language: Language): UserChipText {
  const t = translator(language);
  const name = displayNameIn(user.displayName, language);
  const role = t(`role.${user.role}`);
  const district = user.districtCode === null ? t('user.cityWide') : (districtNameIn(user.districtCode, language) ?? user.districtName ?? user.districtCode);
  return {
    name,
    role: name.toLowerCase() === role.toLowerCase() ? null : role,
    scope: t('user.scope', { district }),
  };
}

/** A district by name in `language`, its code when the code is not one of Shanghai's. */
export const districtName = (code: string, language: Language): string => districtNameIn(code, language) ?? code;
