/** The demo accounts: city-wide admin and planner, the Putuo district leader, and the read-only wall display. */
export interface DemoUser {
  username: string;
  display_name: string;
  role: 'admin' | 'planner' | 'leader' | 'wall';
  /** null = city-wide. */
  district_code: string | null;
}

/** The demo users' password when DEMO_PASSWORD is not set (documented in the README). */
export const DEFAULT_DEMO_PASSWORD = 'jointops-demo';

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', display_name: '系统管理员 Administrator', role: 'admin', district_code: null },
  { username: 'planner', display_name: '专项行动策划 Campaign planner', role: 'planner', district_code: null },
  { username: 'putuo_leader', display_name: '普陀区分管领导 Putuo district leader', role: 'leader', district_code: '310107' },
  { username: 'wall', display_name: '指挥中心大屏 Command centre wall', role: 'wall', district_code: null },
];

/** The registry officer a field account is made for. */
export interface FieldAccountOfficer {
  id: number;
  name: string;
  districtCode: string;
  certificateNo: string;
}

/**
 * 执法队员: every registry officer signs in to the phone page with the digits of their certificate number (沪执310107010001
 * → `310107010001`), as the demo users' password; the account shows the officer's name and sees the officer's district.
 */
export function fieldAccounts(officers: readonly FieldAccountOfficer[]): { username: string; display_name: string; role: 'field'; district_code: string; officer_id: number }[] {
  return officers.map((o) => ({
    username: o.certificateNo.replace(/\D/g, ''),
    display_name: o.name,
    role: 'field',
    district_code: o.districtCode,
    officer_id: o.id,
  }));
}
