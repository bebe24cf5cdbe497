import type { ReactNode } from 'react';
import type { Me } from '../../server/contract/index.js';
import { useI18n, type Language } from '../i18n/index.js';
import { TopBar } from '../panels/TopBar.js';

// The frame of the desk's tools (责任矩阵, 平台导入): the top bar, the way back to the queue, the title and its actions.

export interface DeskSubPageProps {
  user: Me;
  testId: string;
  title: string;
  loading: boolean;
  onLanguage: (language: Language) => void;
  onLogout: () => void;
  onBack: () => void;
  actions?: ReactNode;
  children: ReactNode;
}

export function DeskSubPage({ user, testId, title, loading, onLanguage, onLogout, onBack, actions, children }: DeskSubPageProps) {
  const { t } = useI18n();
  return (
    <div className="desk-page" data-testid={testId} data-loading={loading ? 'true' : 'false'}>
      <TopBar user={user} onLanguage={onLanguage} onLogout={onLogout} />
      <div className={`progress ${loading ? 'progress--on' : ''}`} role="progressbar" aria-hidden={!loading} aria-label={t('state.loading')} />
      <main className="desk-view desk-tool">
        <header className="desk-head">
          <button type="button" className="button button--ghost" data-testid="desk-tool-back" onClick={onBack}>
            ← {t('desk.tool.back')}
          </button>
          <h1>{title}</h1>
          {actions && <span className="desk-head__actions">{actions}</span>}
        </header>
        {children}
      </main>
    </div>
  );
}
