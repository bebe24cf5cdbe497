import { useState } from 'react';
import type { PublicReportReceipt } from '../../server/contract/public-reports.js';
import { submitPublicReport, usePublicDistricts, useTrackedClue } from '../api/public-reports.js';
import { useI18n, type Language } from '../i18n/index.js';
import type { PublicReportPage } from '../navigation.js';
import { ReportCluePage } from './ReportCluePage.js';
import { ReportReceipt } from './ReportReceipt.js';
import { TrackPage } from './TrackPage.js';
import './public-report.css';

// 随手拍 (/report) and its tracking page (/track/<code>), without a login: a phone in the street first, a desk too.
// The reads are made here, at the page, and handed down.

export function PublicReportPages({ page, onLanguage }: { page: PublicReportPage; onLanguage: (language: Language) => void }) {
  const { t, language } = useI18n();
  return (
    <div className="public-report" data-testid={page.kind === 'report' ? 'public-report-page' : 'public-track-page'}>
      <header className="public-report__bar">
        <h1>{page.kind === 'report' ? t('publicReport.title') : t('publicTrack.title')}</h1>
        <button type="button" className="button button--ghost" onClick={() => onLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')} data-testid="public-report-language">
          {language === 'zh-CN' ? 'English' : '中文'}
        </button>
      </header>
      <main className="public-report__body">{page.kind === 'report' ? <ReportSection /> : <TrackSection code={page.code} />}</main>
      <footer className="public-report__foot">{t('publicReport.demo')}</footer>
    </div>
  );
}

function ReportSection() {
  const districts = usePublicDistricts();
  const [receipt, setReceipt] = useState<PublicReportReceipt | null>(null);
  // A new key remounts the form empty for the next report.
  const [round, setRound] = useState(0);
  if (receipt)
    return (
      <ReportReceipt
        receipt={receipt}
        onAnother={() => {
          setReceipt(null);
          setRound((n) => n + 1);
        }}
      />
    );
  return <ReportCluePage key={round} districts={districts.data} mapFailed={districts.error !== null} submit={submitPublicReport} onDone={setReceipt} />;
}

function TrackSection({ code }: { code: string | null }) {
  const clue = useTrackedClue(code);
  return <TrackPage code={code} clue={clue.data} loading={clue.loading} failed={clue.error !== null} />;
}
