export interface ForbiddenPanelProps {
  /** A prefix for the element ids and test ids, e.g. `audit` → audit-forbidden, audit-back. */
  id: string;
  code: string;
  title: string;
  body: string;
  back: string;
  onBack: () => void;
}

/** What an account sees on a page its role may not open (the API would answer 403 to it anyway). */
export function ForbiddenPanel({ id, code, title, body, back, onBack }: ForbiddenPanelProps) {
  return (
    <section className="panel forbidden-panel" role="alert" aria-labelledby={`${id}-forbidden-title`} data-testid={`${id}-forbidden`}>
      <p className="forbidden-panel__code">{code}</p>
      <h2 id={`${id}-forbidden-title`}>{title}</h2>
      <p>{body}</p>
      <button type="button" className="button button--primary" onClick={onBack} data-testid={`${id}-back`} autoFocus>
        ← {back}
      </button>
    </section>
  );
}
