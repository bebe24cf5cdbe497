import { useState, type KeyboardEvent } from 'react';
import type { InstitutionMatch } from '../../server/contract/institutions.js';
import { translateCode, useI18n } from '../i18n/index.js';
import { nextActiveOption } from '../state/desk.js';

// The suspected institution of a 12345 call, found by part of its name or its credit code or licence number: a
// combobox (WAI-ARIA 1.2 list autocomplete). Arrows move through the matches, Enter takes one, Escape closes the list
// (a second Escape is the dialog's).

export interface InstitutionComboProps {
  text: string;
  onText: (text: string) => void;
  /** The server's matches for the text as it stands; null while none are asked or they are for an older text. */
  matches: readonly InstitutionMatch[] | null;
  loading: boolean;
  chosen: InstitutionMatch | null;
  onChoose: (match: InstitutionMatch | null) => void;
}

const LIST_ID = 'intake-institution-list';
/** The district's name before an address that does not already begin with it. */
const placeOf = (m: InstitutionMatch) => (m.address.startsWith(m.districtName) ? m.address : `${m.districtName} ${m.address}`);
const optionId = (index: number) => `intake-institution-option-${index}`;

export function InstitutionCombo(props: InstitutionComboProps) {
  const { t } = useI18n();
  const [active, setActive] = useState(-1);
  const [closed, setClosed] = useState(false);
  const matches = props.chosen ? [] : (props.matches ?? []);
  const open = !closed && props.text.trim() !== '' && !props.chosen && props.matches !== null;
  const choose = (match: InstitutionMatch) => {
    props.onChoose(match);
    setActive(-1);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setClosed(false);
      setActive((i) => nextActiveOption(i, matches.length, event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      // Enter in the field never sends the form: it takes the active match, or does nothing.
      event.preventDefault();
      if (open && active >= 0 && matches[active]) choose(matches[active]);
    } else if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setClosed(true);
      setActive(-1);
    }
  };
  return (
    <div className="desk-form__field desk-combo desk-form__wide">
      <label htmlFor="intake-institution">{t('intake.institution')}</label>
      <span className="desk-combo__row">
        <input
          id="intake-institution"
          role="combobox"
          aria-expanded={open}
          aria-controls={LIST_ID}
          aria-autocomplete="list"
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          autoComplete="off"
          placeholder={t('intake.institutionSearch')}
          value={props.text}
          onChange={(e) => {
            props.onText(e.target.value);
            props.onChoose(null);
            setClosed(false);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          data-testid="intake-institution"
        />
        {props.chosen && (
          <button type="button" className="button button--small button--ghost" onClick={() => { props.onChoose(null); props.onText(''); }} data-testid="intake-institution-clear">
            {t('intake.institutionNone')}
          </button>
        )}
      </span>
      {props.chosen && (
        <span className="hint" data-testid="intake-institution-chosen" data-id={props.chosen.id}>
          {translateCode(t, 'campaign.category', props.chosen.category)} · {translateCode(t, 'status', props.chosen.status)} · {placeOf(props.chosen)}
        </span>
      )}
      {open && (
        <ul id={LIST_ID} role="listbox" aria-label={t('intake.institution')} className="desk-combo__list" data-testid="intake-institution-list">
          {matches.length === 0 && <li className="hint" role="presentation">{props.loading ? t('state.loading') : t('intake.institutionNoMatch')}</li>}
          {matches.map((m, index) => (
            <li
              key={m.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={`desk-combo__option${index === active ? ' desk-combo__option--active' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(m)}
              data-testid="intake-institution-option"
            >
              <strong>{m.name}</strong>
              <span className="hint">{translateCode(t, 'campaign.category', m.category)} · {placeOf(m)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
