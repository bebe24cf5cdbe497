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
