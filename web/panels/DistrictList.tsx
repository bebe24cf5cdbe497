import { useI18n } from '../i18n/index.js';
import type { DistrictFeature } from '../layers/types.js';

export interface DistrictListProps {
  districts: readonly DistrictFeature[];
  /** Clues of the selected period per district code, over the whole scope; null until they have arrived. */
  counts: ReadonlyMap<string, number> | null;
  selected: string | null;
  scoped: boolean;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
  onSelect: (code: string | null) => void;
}

export function DistrictList({ districts, counts, selected, scoped, loading, error, onRetry, onSelect }: DistrictListProps) {
  const { t, language } = useI18n();
  const countOf = (code: string) => counts?.get(code) ?? 0;
  const ranked = [...districts].sort((a, b) => countOf(b.properties.code) - countOf(a.properties.code) || a.properties.code.localeCompare(b.properties.code));
  const max = Math.max(1, ...ranked.map((d) => countOf(d.properties.code)));
  return (
    <section className="panel panel--grow" aria-labelledby="districts-title">
      <h2 id="districts-title" className="panel__title">
        {t('districts.title')}
      </h2>
      {loading && districts.length === 0 && <div className="skeleton-lines" aria-busy="true" />}
      {error && (
        <p className="field-error" role="alert">
          {t('state.error', { message: error })}{' '}
          <button type="button" className="button button--small" onClick={onRetry}>
            {t('state.retry')}
          </button>
        </p>
      )}
      <ul className="district-list" data-testid="district-list">
        {!scoped && (
          <li>
            <button type="button" className={`district ${selected === null ? 'district--on' : ''}`} aria-pressed={selected === null} onClick={() => onSelect(null)}>
              <span className="district__name">{t('districts.all')}</span>
            </button>
          </li>
        )}
        {ranked.map((d) => {
          const count = countOf(d.properties.code);
          const on = selected === d.properties.code;
          return (
            <li key={d.properties.code}>
              <button
                type="button"
                className={`district ${on ? 'district--on' : ''}`}
                aria-pressed={on}
                data-code={d.properties.code}
                data-testid="district-item"
                onClick={() => onSelect(on && !scoped ? null : d.properties.code)}
              >
                <span className="district__name">{language === 'en' ? d.properties.nameEn : d.properties.name}</span>
                {/* Without loaded clues a row of zeros would read as "no clues": show nothing instead. */}
                {counts && (
                  <>
                    <span className="district__bar" aria-hidden="true">
                      <span style={{ width: `${(count / max) * 100}%` }} />
                    </span>
                    <span className="district__count" title={t('districts.institutions', { count: d.properties.institutionCount })}>
                      {count.toLocaleString(language)}
                    </span>
                  </>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
