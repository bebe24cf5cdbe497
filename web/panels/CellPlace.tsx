import { useI18n } from '../i18n/index.js';

export interface CellPlaceProps {
  code: string;
  streetName: string | null;
  districtName: string | null;
  districtNameEn: string | null;
}

/** Where a 网格 is, by name: its code, 街镇 and 区县 (the detail rows above give codes only). */
export function CellPlace({ code, streetName, districtName, districtNameEn }: CellPlaceProps) {
  const { language } = useI18n();
  const district = language === 'en' ? districtNameEn : districtName;
  return (
    <p className="cell-place" data-testid="cell-place">
      <code>{code}</code>
      {[streetName, district].filter((part) => part).map((part) => ` · ${part}`).join('')}
    </p>
  );
}
