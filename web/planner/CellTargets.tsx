import { useI18n } from '../i18n/index.js';
import type { PlannerCellTarget, PlannerOrigin } from '../state/planner.js';

export interface CellTargetsProps {
  cells: readonly PlannerCellTarget[];
  selected: readonly number[];
  origin: PlannerOrigin | null;
  onToggle: (id: number) => void;
}

/** 区域巡查 targets: the grid cells handed over from the hot spot analysis, where they came from, and which are chosen. */
export function CellTargets({ cells, selected, origin, onToggle }: CellTargetsProps) {
  const { t } = useI18n();
  const chosen = new Set(selected);
  return (
    <div className="planner-targets planner-targets--cells" data-testid="planner-cell-targets">
      <div className="planner-targets__head">
        {t('planner.cells', { count: selected.length })}
        {origin && (
          <small className="planner-origin" data-testid="planner-origin">
            {t('planner.origin.hotspots', { count: origin.count, from: origin.from, to: origin.to })}
          </small>
        )}
      </div>
      <ul>
        {cells.map((c) => (
          <li key={c.id}>
            <label>
              <input type="checkbox" checked={chosen.has(c.id)} onChange={() => onToggle(c.id)} data-cell-id={c.id} />
              <span className="planner-targets__name">
                {t('planner.cellName', { code: c.code })}
                {c.streetName ? ` · ${c.streetName}` : ''}
              </span>
              <small>{t('planner.cellFacts', { z: c.z.toFixed(2), clues: c.clues })}</small>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
