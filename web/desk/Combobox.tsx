import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { nextActiveOption } from '../state/desk.js';

// A text field with a list of suggestions (WAI-ARIA 1.2 combobox, list autocomplete) for the intake's searches.
// Arrows move through the options, Enter takes one, Escape closes the list (a second Escape is the dialog's). The
// field's id names its parts: `<id>-list`, `<id>-option-<n>`, and the test ids `<id>`, `<id>-list`, `<id>-option`.

export interface ComboboxProps<T> {
  id: string;
  label: string;
  placeholder: string;
  text: string;
  /** Every edit of the text; the caller forgets what was chosen. */
  onText: (text: string) => void;
  /** The options for the text as it stands; null keeps the list closed (nothing asked yet, or already chosen). */
  options: readonly T[] | null;
  optionKey: (option: T) => string;
  renderOption: (option: T) => ReactNode;
  onChoose: (option: T) => void;
  loading: boolean;
  noMatch: string;
  /** Beside the field (a clear button) and below it (what was chosen). */
  aside?: ReactNode;
  below?: ReactNode;
  wide?: boolean;
}

export function Combobox<T>(props: ComboboxProps<T>) {
  const { t } = useI18n();
  const [active, setActive] = useState(-1);
  const [closed, setClosed] = useState(false);
  const options = props.options ?? [];
  const open = !closed && props.text.trim() !== '' && props.options !== null;
  const listId = `${props.id}-list`;
  const optionId = (index: number) => `${props.id}-option-${index}`;
  const choose = (option: T) => {
    props.onChoose(option);
    setActive(-1);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setClosed(false);
      setActive((i) => nextActiveOption(i, options.length, event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      // Enter in the field never sends the form: it takes the active option, or does nothing.
      event.preventDefault();
      if (open && active >= 0 && options[active] !== undefined) choose(options[active]);
    } else if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setClosed(true);
      setActive(-1);
    }
  };
  return (
    <div className={`desk-form__field desk-combo${props.wide ? ' desk-form__wide' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      <span className="desk-combo__row">
        <input
          id={props.id}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          autoComplete="off"
          placeholder={props.placeholder}
          value={props.text}
          onChange={(e) => {
            props.onText(e.target.value);
            setClosed(false);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          data-testid={props.id}
        />
        {props.aside}
      </span>
      {props.below}
      {open && (
        <ul id={listId} role="listbox" aria-label={props.label} className="desk-combo__list" data-testid={listId}>
          {options.length === 0 && <li className="hint" role="presentation">{props.loading ? t('state.loading') : props.noMatch}</li>}
          {options.map((option, index) => (
            <li
              key={props.optionKey(option)}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={`desk-combo__option${index === active ? ' desk-combo__option--active' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(option)}
              data-testid={`${props.id}-option`}
            >
              {props.renderOption(option)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
