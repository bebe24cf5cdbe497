import { useState } from 'react';
import type { RankingPartKey, ReviewRanking as Ranking, ReviewRankingWeights } from '../../server/contract/review.js';
import { rankingPartKeys } from '../../server/analytics/review/vocabulary.js';
import type { ApiError } from '../api/errors.js';
import { useI18n } from '../i18n/index.js';
import { rateText } from './format.js';

export type SaveWeights = (weights: ReviewRankingWeights, expectedVersion: number) => Promise<{ ok: true; version: number } | { ok: false; conflict: boolean; error: ApiError }>;

export interface ReviewRankingProps {
  ranking: Ranking | null;
  loading: boolean;
  error: string | null;
  ownDistrict: string | null;
  /** Administrators set the weights; absent for everyone else. */
  onSaveWeights?: SaveWeights;
  describeError: (error: ApiError) => string;
}

const partValue = (key: RankingPartKey, value: number | null) => (value === null ? '—' : key === 'cluesPer10k' ? value.toFixed(2) : rateText(value));
const points = (n: number | null) => (n === null ? '—' : n.toFixed(1));

export function ReviewRanking({ ranking, loading, error, ownDistrict, onSaveWeights, describeError }: ReviewRankingProps) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  // Kept here, not in the form: the conflict reads the table again, and the form is made anew for the new version.
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  return (
    <section className="review-ranking panel" data-testid="review-ranking" aria-busy={loading} aria-label={t('review.ranking')}>
      <div className="review-ranking__head">
        <h2 className="panel__title">{t('review.ranking')}</h2>
        {onSaveWeights && ranking && !editing && (
          <button type="button" className="button button--small" data-testid="review-weights-edit" onClick={() => setEditing(true)}>
            {t('review.weights.edit')}
          </button>
        )}
      </div>
      {error && <p className="hint hint--error" role="alert">{error}</p>}
      {!ranking && !error && <p className="hint" role="status">{t('state.loading')}</p>}
      {ranking && (
        <>
          <p className="review-formula" data-testid="review-formula">
            {t('review.ranking.formula')}
            <br />
            <span className="hint">
              {t('review.weights')}:{' '}
              {rankingPartKeys.map((k) => `${t(`review.rankingPart.${k}`)} ${ranking.weights[k].toFixed(2)}（${t(`review.ranking.${ranking.direction[k]}`)}）`).join(' · ')}
              {' · '}
              {ranking.weightsSetAt ? t('review.ranking.version', { version: ranking.weightsVersion, who: ranking.weightsSetBy ?? '—', when: ranking.weightsSetAt.slice(0, 16).replace('T', ' ') }) : t('review.ranking.defaults')}
            </span>
          </p>
          {conflict && (
            <p className="review-conflict" role="alert" data-testid="review-weights-conflict">
              {t('review.weights.conflict', { version: ranking.weightsVersion })}
            </p>
          )}
          {saved !== null && !editing && (
            <p className="hint" role="status" data-testid="review-weights-saved">
              {t('review.weights.saved', { version: saved })}
            </p>
          )}
          {editing && onSaveWeights && (
            <WeightsForm
              key={ranking.weightsVersion}
              ranking={ranking}
              onSave={onSaveWeights}
              onSaved={(version) => { setConflict(false); setSaved(version); setEditing(false); }}
              onConflict={() => { setConflict(true); setSaved(null); }}
              onClose={() => { setConflict(false); setEditing(false); }}
              describeError={describeError}
            />
          )}
          <div className="review-scroll">
            <table className="review-table review-table--rows review-ranking__table">
              <thead>
                <tr>
                  <th scope="col" className="num">{t('review.ranking.rank')}</th>
                  <th scope="col">{t('review.ranking.district')}</th>
                  <th scope="col" className="num">{t('review.ranking.score')}</th>
                  {rankingPartKeys.map((k) => (
                    <th key={k} scope="col" className="num">{t(`review.rankingPart.${k}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ranking.rows.map((row) => (
                  <tr key={row.districtCode} data-testid="review-rank-row" data-district={row.districtCode} className={row.districtCode === ownDistrict ? 'review-row--own' : undefined}>
                    <td className="num">{row.rank}</td>
                    <th scope="row">{row.name}</th>
                    <td className="num review-score">{points(row.score)}</td>
                    {rankingPartKeys.map((k) => (
                      <td key={k} className="num">
                        {partValue(k, row.parts[k].value)}
                        <small className="review-points">{t('review.ranking.points', { points: points(row.parts[k].points) })}</small>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

interface WeightsFormProps {
  ranking: Ranking;
  onSave: SaveWeights;
  onSaved: (version: number) => void;
  onConflict: () => void;
  onClose: () => void;
  describeError: (error: ApiError) => string;
}

function WeightsForm({ ranking, onSave, onSaved, onConflict, onClose, describeError }: WeightsFormProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Record<RankingPartKey, string>>(() => Object.fromEntries(rankingPartKeys.map((k) => [k, String(ranking.weights[k])])) as Record<RankingPartKey, string>);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const weights = Object.fromEntries(rankingPartKeys.map((k) => [k, Number(draft[k])])) as ReviewRankingWeights;
  const valid = rankingPartKeys.every((k) => draft[k].trim() !== '' && weights[k] >= 0 && weights[k] <= 1) && rankingPartKeys.some((k) => weights[k] > 0);
  const submit = async () => {
    if (!valid) return;
    setBusy(true);
    const result = await onSave(weights, ranking.weightsVersion);
    setBusy(false);
    if (result.ok) onSaved(result.version);
    else if (result.conflict) onConflict();
    else setFailure(describeError(result.error));
  };
  return (
    <form className="review-weights" data-testid="review-weights" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      {rankingPartKeys.map((k) => (
        <label key={k} className="review-weights__field">
          <span>{t(`review.rankingPart.${k}`)}</span>
          <input type="number" min={0} max={1} step={0.05} value={draft[k]} data-testid={`review-weight-${k}`} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} />
        </label>
      ))}
      {!valid && <p className="field-error" role="alert">{t('review.weights.invalid')}</p>}
      {failure && (
        <p className="field-error" role="alert" data-testid="review-weights-error">
          {failure}
        </p>
      )}
      <div className="review-weights__actions">
        <button type="submit" className="button button--accent" disabled={!valid || busy} aria-busy={busy} data-testid="review-weights-save">
          {t('review.weights.save')}
        </button>
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('review.weights.cancel')}
        </button>
      </div>
    </form>
  );
}
