/** The member departments of 联合执法 and their duties, after the Putuo responsibility matrix (普陀区, 2020). */
export interface Department {
  code: string;
  name: string;
  nameEn: string;
  responsibilities: string;
  /** Share of the enforcement officers in the demo data. */
  officerShare: number;
}

export const DEPARTMENTS: readonly Department[] = [
  { code: 'education', name: '教育局', nameEn: 'Education Bureau', officerShare: 0.22,
    responsibilities: '牵头；学科类及文化类培训机构审批与监管，办学许可证核查，培训内容、从业人员资质检查 / lead; licensing and supervision of academic and culture institutions, licence checks, content, staff qualifications' },
  { code: 'market_regulation', name: '市场监管局', nameEn: 'Market Regulation Administration', officerShare: 0.2,
    responsibilities: '营业执照登记，收费与价格、广告、食品安全监管，综合执法牵头 / business licences, fees and pricing, advertising, food safety, lead of comprehensive enforcement' },
  { code: 'culture_tourism', name: '文化和旅游局', nameEn: 'Culture and Tourism Bureau', officerShare: 0.06,
    responsibilities: '文化艺术类培训机构监管，出版物管理 / arts training, publications' },
  { code: 'sports', name: '体育局', nameEn: 'Sports Bureau', officerShare: 0.05, responsibilities: '体育类培训机构监管 / sports training' },
  { code: 'science', name: '科学技术委员会', nameEn: 'Science and Technology Commission', officerShare: 0.03,
    responsibilities: '科技类培训机构监管 / science and technology training' },
  { code: 'public_security', name: '公安分局', nameEn: 'Public Security Bureau', officerShare: 0.08,
    responsibilities: '治安管理，外籍人员管理，打击违法犯罪 / public order, foreign staff, crime' },
  { code: 'fire_rescue', name: '消防救援支队', nameEn: 'Fire and Rescue Detachment', officerShare: 0.05,
    responsibilities: '培训场所消防安全检查 / fire safety of premises' },
  { code: 'urban_management', name: '城管执法局', nameEn: 'Urban Management and Law Enforcement Bureau', officerShare: 0.16,
    responsibilities: '查处擅自改变住宅用途（居民楼内办班） / unauthorised change of residential use (training in flats)' },
  { code: 'housing', name: '房屋管理局', nameEn: 'Housing Administration Bureau', officerShare: 0.03,
    responsibilities: '培训场所房屋使用安全 / use and safety of premises' },
  { code: 'civil_affairs', name: '民政局', nameEn: 'Civil Affairs Bureau', officerShare: 0.03,
    responsibilities: '非营利性培训机构登记管理 / registration of non-profit institutions' },
  { code: 'human_resources', name: '人力资源和社会保障局', nameEn: 'Human Resources and Social Security Bureau', officerShare: 0.03,
    responsibilities: '职业技能培训机构监管，劳动用工 / vocational training, labour' },
  { code: 'health', name: '卫生健康委员会', nameEn: 'Health Commission', officerShare: 0.03,
    responsibilities: '托育机构监管，疾病防控 / childcare, disease control' },
  { code: 'commerce', name: '商务委员会', nameEn: 'Commerce Commission', officerShare: 0.015,
    responsibilities: '单用途预付卡监管 / prepaid cards' },
  { code: 'finance', name: '金融工作办公室', nameEn: 'Finance Office', officerShare: 0.008,
    responsibilities: '培训贷等金融风险防范 / training loans' },
  { code: 'tax', name: '税务局', nameEn: 'Taxation Bureau', officerShare: 0.017, responsibilities: '发票与税收管理 / invoices and tax' },
];
