import type { InstitutionMatch } from '../../server/contract/institutions.js';
import { translateCode, useI18n } from '../i18n/index.js';
import { Combobox } from './Combobox.js';

// The suspected institution of a 12345 call, found by part of its name or its credit code or licence number.

export interface InstitutionComboProps {
  text: string;
  onText: (text: string) => void;
  /** The server's matches for the text as it stands; null while none are asked or they are for an older text. */
  matches: readonly InstitutionMatch[] | null;
  loading: boolean;
  chosen: InstitutionMatch | null;
  onChoose: (match: InstitutionMatch | null) => void;
}

/** The district's name before an address that does not already begin with it. */
const placeOf = (m: InstitutionMatch) => (m.address.startsWith(m.districtName) ? m.address : `${m.districtName} ${m.address}`);

export function InstitutionCombo(props: InstitutionComboProps) {
  const { t } = useI18n();
  return (
    <Combobox<InstitutionMatch>
      id="intake-institution"
      label={t('intake.institution')}
      placeholder={t('intake.institutionSearch')}
      text={props.text}
      onText={(text) => {
        props.onText(text);
        props.onChoose(null);
      }}
      options={props.chosen ? null : props.matches}
      optionKey={(m) => String(m.id)}
      renderOption={(m) => (
        <>
          <strong>{m.name}</strong>
          <span className="hint">{translateCode(t, 'campaign.category', m.category)} · {placeOf(m)}</span>
        </>
      )}
      onChoose={props.onChoose}
      loading={props.loading}
      noMatch={t('intake.institutionNoMatch')}
      wide
      aside={
        props.chosen && (
          <button type="button" className="button button--small button--ghost" onClick={() => { props.onChoose(null); props.onText(''); }} data-testid="intake-institution-clear">
            {t('intake.institutionNone')}
          </button>
        )
      }
      below={
        props.chosen && (
          <span className="hint" data-testid="intake-institution-chosen" data-id={props.chosen.id}>
            {translateCode(t, 'campaign.category', props.chosen.category)} · {translateCode(t, 'status', props.chosen.status)} · {placeOf(props.chosen)}
          </span>
        )
      }
    />
  );
}
