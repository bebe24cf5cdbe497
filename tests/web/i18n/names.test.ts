import { describe, expect, test } from 'vitest';
import { DEMO_USERS } from '../../../db/seed/generate/users.js';
import { SHANGHAI_DISTRICTS } from '../../../db/seed/generate/districts-meta.js';
import { displayNameIn, districtNameIn, userChipText, type ChipUser } from '../../../web/i18n/names.js';

const demo = (username: string): ChipUser => {
  const u = DEMO_USERS.find((d) => d.username === username)!;
  return { displayName: u.display_name, role: u.role, districtCode: u.district_code, districtName: u.district_code ? '普陀区' : null };
};
const han = /\p{Script=Han}/u;

describe('names in the language shown', () => {
  test('the demo users’ chips: no Chinese in English, and the role said once when the name is the role', () => {
    expect(userChipText(demo('planner'), 'en')).toEqual({ name: 'Campaign planner', role: null, scope: 'Scope: city-wide' });
    expect(userChipText(demo('planner'), 'zh-CN')).toEqual({ name: '专项行动策划', role: '行动策划', scope: '辖区：全市' });
    expect(userChipText(demo('putuo_leader'), 'en')).toEqual({ name: 'Putuo district leader', role: 'District leader', scope: 'Scope: Putuo' });
    expect(userChipText(demo('putuo_leader'), 'zh-CN')).toEqual({ name: '普陀区分管领导', role: '区领导', scope: '辖区：普陀区' });
    for (const user of DEMO_USERS) {
      const chip = userChipText(demo(user.username), 'en');
      expect(`${chip.name} ${chip.role ?? ''} ${chip.scope}`, user.username).not.toMatch(han);
    }
  });

  test('a display name that is a role title is translated; a person’s name stays as it is', () => {
    expect(displayNameIn('区领导', 'en')).toBe('District leader');
    expect(displayNameIn('district leader', 'zh-CN')).toBe('区领导');
    expect(displayNameIn('张伟', 'en')).toBe('张伟');
    expect(displayNameIn('Zhang Wei', 'zh-CN')).toBe('Zhang Wei');
    expect(displayNameIn('王芳 Wang Fang', 'en')).toBe('Wang Fang');
    expect(displayNameIn('王芳 Wang Fang', 'zh-CN')).toBe('王芳');
    // Latin letters first, or no space between the parts: not a bilingual name, kept whole.
    expect(displayNameIn('Li 明', 'en')).toBe('Li 明');
    expect(displayNameIn('李明(Li)', 'en')).toBe('李明(Li)');
    expect(displayNameIn('  ', 'en')).toBe('');
  });

  test('an account scoped to a district the list does not know shows the name the server gave, else the code', () => {
    const user: ChipUser = { displayName: '某区领导', role: 'leader', districtCode: '310199', districtName: '测试区' };
    expect(userChipText(user, 'en').scope).toBe('Scope: 测试区');
    expect(userChipText({ ...user, districtName: null }, 'en').scope).toBe('Scope: 310199');
  });

  test('district names come from the one list the demo data are built from', () => {
    for (const d of SHANGHAI_DISTRICTS) {
      expect(districtNameIn(d.code, 'zh-CN')).toBe(d.name);
      expect(districtNameIn(d.code, 'en')).toBe(d.nameEn);
    }
    expect(districtNameIn('110101', 'en')).toBeNull();
    expect(districtNameIn(null, 'zh-CN')).toBeNull();
    expect(districtNameIn('', 'zh-CN')).toBeNull();
  });
});
