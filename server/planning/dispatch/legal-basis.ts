// 执法依据 a Shanghai dispatch sheet cites unless the campaign names its own: the law that makes two certified
// officers the rule of every check, the law and the Ministry's rules on private education and tutoring, and the
// city's rules for training providers. Titles and article numbers only: laws and official documents are not covered
// by copyright (《著作权法》第五条), so they are quoted here as published.
export const STANDARD_LEGAL_BASIS: readonly string[] = [
  '《中华人民共和国行政处罚法》（2021 年修订）第四十二条、第五十五条：执法人员不得少于两人，调查或者检查时应当主动出示执法证件',
  '《中华人民共和国民办教育促进法》及其实施条例',
  '《校外培训行政处罚暂行办法》（教育部令第 53 号）',
  '《教育部 中央编办 司法部关于加强教育行政执法深入推进校外培训综合治理的意见》（教监管〔2022〕1 号）',
  '《上海市培训机构监督管理办法》（沪府办规〔2019〕14 号）',
];
