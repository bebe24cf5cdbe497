import type { Me } from '../../../server/contract/index.js';
import type { DispatchSheet, DrawNotice } from '../../../server/planning/dispatch/schema.js';
import type { Resource } from '../../api/use-resource.js';
import { DispatchSheetView } from '../../dispatch/DispatchSheetView.js';
import { DrawNoticePage } from '../../dispatch/DrawNoticePage.js';
import { useI18n } from '../../i18n/index.js';
import type { Language } from '../../i18n/index.js';
import { TopBar } from '../../panels/TopBar.js';
import type { CampaignOutput } from '../use-campaign-plan.js';
import { StateLine } from './StateLine.js';

export interface CampaignOutputPageProps {
  user: Me;
  output: CampaignOutput;
  sheets: Resource<DispatchSheet[]>;
  notice: Resource<DrawNotice>;
  onDownloadPdf: () => Promise<void>;
  onDownloadCsv: () => void;
  onBack: () => void;
  onLanguage: (language: Language) => void;
  onLogout: () => void;
}

/** The dispatch sheets or the 一公开 notice of a plan, on paper-like pages under the top bar, ready to print. */
export function CampaignOutputPage({ user, output, sheets, notice, onDownloadPdf, onDownloadCsv, onBack, onLanguage, onLogout }: CampaignOutputPageProps) {
  const { t } = useI18n();
  const resource = output.kind === 'dispatch' ? sheets : notice;
  return (
    <div className="dispatch-page campaign-output" data-testid="campaign-output">
      <TopBar user={user} onLanguage={onLanguage} onLogout={onLogout} />
      <div className="campaign-output__back">
        <button type="button" className="button button--ghost" onClick={onBack} data-testid="campaign-output-back" autoFocus>
          ← {t('plan.output.back')}
        </button>
      </div>
      {!resource.data && <div className="campaign-output__state"><StateLine resource={resource} testId="campaign-output" /></div>}
      {output.kind === 'dispatch' && sheets.data && <DispatchSheetView sheets={sheets.data} onDownload={onDownloadPdf} />}
      {output.kind === 'notice' && notice.data && <DrawNoticePage notice={notice.data} onDownloadCsv={onDownloadCsv} />}
    </div>
  );
}
