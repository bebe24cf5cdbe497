import type { ReactNode } from 'react';

export interface PageHeaderProps {
  title: string;
  subtitle: string;
  back: string;
  onBack: () => void;
  /** Test id of the back button, e.g. audit-back. */
  backTestId: string;
  /** What the page offers at the right (the chain check, the year). */
  children?: ReactNode;
}

/** The head of a page of its own (the audit log, the calendar): the way back, the title and the page's own controls. */
export function PageHeader({ title, subtitle, back, onBack, backTestId, children }: PageHeaderProps) {
  return (
    <header className="page-header">
      <button type="button" className="button button--ghost" onClick={onBack} data-testid={backTestId}>
        ← {back}
      </button>
      <div className="page-header__titles">
        <h2 className="page-header__title">{title}</h2>
        <p className="hint">{subtitle}</p>
      </div>
      {children}
    </header>
  );
}
