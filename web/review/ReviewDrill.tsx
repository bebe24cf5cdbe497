import type { ReviewChild, ReviewClue, ReviewLevel, ReviewUnitRef } from '../../server/contract/review.js';
import { translateCode, useI18n } from '../i18n/index.js';
import { changeRatio } from '../../server/domain/period-change.js';
import { changeText, countText, rateText } from './format.js';

export interface ReviewDrillProps {
  breadcrumb: readonly ReviewUnitRef[];
  childLevel: ReviewLevel | null;
  children: readonly ReviewChild[];
  clues: readonly ReviewClue[];
  hasCompare: boolean;
  loading: boolean;
  onOpen: (unit: { level: ReviewLevel; code: string | null }) => void;
}

/** The unit's place (breadcrumb) and what lies below it: its children's figures, or an institution's clues. */
export function ReviewDrill({ breadcrumb, childLevel, children, clues, hasCompare, loading, onOpen }: ReviewDrillProps) {
  const { t } = useI18n();
  const unit = breadcrumb[breadcrumb.length - 1];
  return (
    <section className="review-drill panel" aria-label={t('review.drill')} aria-busy={loading}>
      <nav aria-label={t('review.breadcrumb')}>
        <ol className="review-breadcrumb" data-testid="review-breadcrumb">
          {breadcrumb.map((crumb, i) => (
            <li key={`${crumb.level}:${crumb.code ?? ''}`}>
              {i < breadcrumb.length - 1 ? (
                <button type="button" className="review-breadcrumb__link" data-testid="review-crumb" data-level={crumb.level} onClick={() => onOpen(crumb)}>
                  <small>{t(`review.level.${crumb.level}`)}</small> {crumb.name}
                </button>
              ) : (
                <span aria-current="page" data-testid="review-crumb" data-level={crumb.level}>
                  <small>{t(`review.level.${crumb.level}`)}</small> {crumb.name}
                </span>
              )}
            </li>
          ))}
        </ol>
      </nav>
      {unit?.level === 'institution' ? (
        <Clues clues={clues} />
      ) : (
        <>
          <h2 className="panel__title">{t('review.children', { level: childLevel ? t(`review.level.${childLevel}`) : '—' })}</h2>
          {children.length === 0 ? (
            <p className="hint" role="status">{loading ? t('state.loading') : t('review.children.empty')}</p>
          ) : (
            <div className="review-scroll">
              <table className="review-table review-table--rows" data-testid="review-children">
                <thead>
                  <tr>
                    <th scope="col">{t('review.children.name')}</th>
                    <th scope="col" className="num">{t('review.kpi.received')}</th>
                    {hasCompare && <th scope="col" className="num">{t('review.kpi.change')}</th>}
                    <th scope="col" className="num">{t('review.kpi.closureRate')}</th>
                    <th scope="col" className="num">{t('review.kpi.openOverdue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {children.map((child) => (
                    <tr key={child.code ?? child.name} data-testid="review-child" data-code={child.code ?? ''}>
                      <th scope="row">
                        {/* A button in the row: the table is drilled by keyboard as by mouse. */}
                        <button type="button" className="review-link" aria-label={t('review.children.drill', { name: child.name })} onClick={() => onOpen(child)}>
                          {child.name}
                        </button>
                      </th>
                      <td className="num">{countText(child.kpis.received)}</td>
                      {hasCompare && <td className="num">{changeText(changeRatio(child.kpis.received, child.compareKpis?.received ?? null))}</td>}
                      <td className="num">{rateText(child.kpis.closureRate)}</td>
                      <td className="num">{countText(child.kpis.openOverdue)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function Clues({ clues }: { clues: readonly ReviewClue[] }) {
  const { t } = useI18n();
  const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');
  return (
    <>
      <h2 className="panel__title">{t('review.clues')}</h2>
      {clues.length === 0 ? (
        <p className="hint" role="status" data-testid="review-clues">{t('review.clues.empty')}</p>
      ) : (
        <div className="review-scroll">
          <table className="review-table review-table--rows" data-testid="review-clues">
            <thead>
              <tr>
                <th scope="col">{t('review.clue.reportedAt')}</th>
                <th scope="col">{t('review.clue.type')}</th>
                <th scope="col">{t('review.clue.status')}</th>
                <th scope="col">{t('review.clue.due')}</th>
                <th scope="col">{t('review.clue.closed')}</th>
              </tr>
            </thead>
            <tbody>
              {clues.map((clue) => (
                <tr key={clue.id} data-testid="review-clue" title={clue.address}>
                  <td>{day(clue.reportedAt)}</td>
                  <td>{translateCode(t, 'type', clue.suspectedType)}</td>
                  <td>{translateCode(t, 'clueStatus', clue.status)}</td>
                  <td>{day(clue.dueAt)}</td>
                  <td>{day(clue.closedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
