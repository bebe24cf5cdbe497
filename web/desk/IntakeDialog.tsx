import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { ClueIntake, ClueLoopDetail, DuplicateCandidates } from '../../server/contract/clue-loop.js';
import { clueKinds, deskIntakeSources, suspectedTypes } from '../../server/contract/enums.js';
import type { InstitutionMatch, InstitutionMatches } from '../../server/contract/institutions.js';
import { MAX_REPORT_PHOTOS } from '../../server/contract/public-reports.js';
import type { StreetCollection } from '../../server/contract/streets.js';
import { shanghaiIsoString } from '../../server/domain/time.js';
import type { ApiError } from '../api/errors.js';
import { errorText } from '../i18n/errors.js';
import { translateCode, useI18n } from '../i18n/index.js';
import { InstitutionCombo } from './InstitutionCombo.js';
import type { StepOutcome } from './use-desk-page.js';

// The desk's intake form (线索登记): a 12345 call, a grid worker's patrol report (网格巡查上报), a media report or a
// transfer; who reported, what kind, what is suspected, the suspected institution (searched), where (a 街镇 searched by
// name, then the address, and the point picked on the map, the street's centre or the institution's place), what was
// said, the reporter's photos. After saving, the new clue's possible duplicates.

type Street = StreetCollection['features'][number];

export interface IntakeDialogProps {
  streets: StreetCollection | null;
  /** Where the report is: picked on the map or the chosen street's centre. */
  position: [number, number] | null;
  onPosition: (position: [number, number] | null) => void;
  picking: boolean;
  onPick: () => void;
  nowMs: number;
  onSubmit: (intake: ClueIntake, photos: readonly File[]) => Promise<StepOutcome>;
  institutionText: string;
  onInstitutionText: (text: string) => void;
  institutionMatches: InstitutionMatches | null;
  institutionsLoading: boolean;
  saved: ClueLoopDetail | null;
  onSaved: (clue: ClueLoopDetail | null) => void;
  duplicates: DuplicateCandidates | null;
  duplicatesError: ApiError | null;
  onOpenClue: (id: number) => void;
  onClose: () => void;
}

function streetCentre(street: Street): [number, number] | null {
  const g = street.geometry;
  if (!g) return null;
  let w = 180, s = 90, e = -180, n = -90;
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  for (const ring of rings) for (const [x, y] of ring) { w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y); }
  return w > e ? null : [(w + e) / 2, (s + n) / 2];
}

export function IntakeDialog(props: IntakeDialogProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [source, setSource] = useState<(typeof deskIntakeSources)[number]>('12345');
  const [phone, setPhone] = useState('');
  const [kind, setKind] = useState<(typeof clueKinds)[number]>('complaint');
  const [category, setCategory] = useState<(typeof suspectedTypes)[number]>('unlicensed');
  const [streetQuery, setStreetQuery] = useState('');
  const [street, setStreet] = useState<Street | null>(null);
  const [address, setAddress] = useState('');
  const { position, onPosition: setPosition } = props;
  const [description, setDescription] = useState('');
  const [institution, setInstitution] = useState<InstitutionMatch | null>(null);
  const [photos, setPhotos] = useState<File[]>([]);
  const [saving, setSaving] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const matches = useMemo(() => {
    const q = streetQuery.trim();
    if (!q || !props.streets || (street && street.properties.name === q)) return [];
    return props.streets.features.filter((f) => f.properties.name.includes(q)).slice(0, 8);
  }, [streetQuery, props.streets, street]);
  const chooseStreet = (s: Street) => {
    setStreet(s);
    setStreetQuery(s.properties.name);
    if (!address.startsWith(s.properties.name)) setAddress(`${s.properties.name}${address}`);
    const centre = streetCentre(s);
    if (centre && !position) setPosition(centre);
  };
  const chooseInstitution = (match: InstitutionMatch | null) => {
    setInstitution(match);
    if (!match) return;
    props.onInstitutionText(match.name);
    if (!address.trim()) setAddress(match.address);
  };
  const addPhotos = (files: FileList | null) => {
    if (files) setPhotos((chosen) => [...chosen, ...Array.from(files)].slice(0, MAX_REPORT_PHOTOS));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFields({});
    setGeneral(null);
    if (!position) {
      setFields({ geometry: t('intake.positionNone') });
      return;
    }
    setSaving(true);
    const intake: ClueIntake = {
      source,
      kind,
      reportedAt: shanghaiIsoString(new Date(props.nowMs)),
      geometry: { type: 'Point', coordinates: position },
      address: address.trim(),
      description: description.trim(),
      suspectedType: category,
      ...(institution ? { institutionId: institution.id } : {}),
      ...(phone.trim() ? { callerPhone: phone.trim() } : {}),
    };
    const outcome = await props.onSubmit(intake, photos);
    setSaving(false);
    if (outcome.ok) return props.onSaved(outcome.clue);
    const byField: Record<string, string> = {};
    for (const [k, m] of Object.entries(outcome.fields)) byField[k.split('.')[0]] ??= m;
    setFields(byField);
    // Issues under their fields say it all; anything else is said above the buttons.
    if (Object.keys(byField).filter((k) => k !== '').length === 0) setGeneral(errorText(i18n, outcome.error));
  };
  const issue = (key: string) => (fields[key] ? <span className="desk-form__issue" role="alert" data-testid={`intake-issue-${key}`}>{fields[key]}</span> : null);
  const saved = props.saved;
  return (
    <div className="desk-dialog" hidden={props.picking} role="dialog" aria-modal="true" aria-labelledby="intake-title" data-testid="intake" onKeyDown={(e) => { if (e.key === 'Escape') props.onClose(); }}>
      <div className="desk-dialog__box panel">
        <header className="desk-dialog__head">
          <h2 id="intake-title">{t('intake.title')}</h2>
          <span className="synthetic-badge">{t('desk.synthetic')}</span>
          <button type="button" className="button button--ghost button--small" onClick={props.onClose} data-testid="intake-close">{t('detail.close')}</button>
        </header>
        {saved ? (
          <div className="desk-dialog__saved" data-testid="intake-saved">
            <p role="status"><strong>{t('intake.saved', { id: saved.properties.id })}</strong></p>
            <h3>{t('intake.duplicates')}</h3>
            {props.duplicatesError && <p className="desk-error" role="alert">{errorText(i18n, props.duplicatesError)}</p>}
            {!props.duplicates && !props.duplicatesError && <p className="hint">{t('state.loading')}</p>}
            {props.duplicates && props.duplicates.candidates.length === 0 && <p className="hint" data-testid="intake-no-duplicates">{t('intake.noDuplicates')}</p>}
            <ul className="desk-list">
              {props.duplicates?.candidates.map((d) => (
                <li key={d.id} className="desk-dup" data-testid="intake-duplicate">
                  <span><strong>#{d.id}</strong> {d.address}</span>
                  <span className="hint">{t('desk.duplicates.metres', { m: Math.round(d.distanceMetres) })} · {d.reasons.map((r) => translateCode(t, 'desk.reason', r.kind)).join('、')}</span>
                </li>
              ))}
            </ul>
            <div className="desk-form__actions">
              <button type="button" className="button button--primary button--small" onClick={() => props.onOpenClue(saved.properties.id)} data-testid="intake-open-saved">{t('intake.openSaved')}</button>
              <button type="button" className="button button--small" onClick={() => props.onSaved(null)}>{t('intake.another')}</button>
            </div>
          </div>
        ) : (
          <form className="desk-form desk-form--grid" onSubmit={(e) => void submit(e)} noValidate data-testid="intake-form">
            <label className="desk-form__field">
              <span>{t('intake.source')}</span>
              <select ref={first} value={source} onChange={(e) => setSource(e.target.value as typeof source)} data-testid="intake-source" aria-invalid={fields.source ? true : undefined}>
                {deskIntakeSources.map((s) => <option key={s} value={s}>{translateCode(t, 'source', s)}</option>)}
              </select>
              {issue('source')}
            </label>
            <label className="desk-form__field">
              <span>{t(source === '12345' ? 'intake.phone' : 'intake.contactPhone')}</span>
              <input type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} data-testid="intake-phone" aria-invalid={fields.callerPhone ? true : undefined} />
              {issue('callerPhone')}
            </label>
            <label className="desk-form__field">
              <span>{t('intake.kind')}</span>
              <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} data-testid="intake-kind">
                {clueKinds.map((k) => <option key={k} value={k}>{t(`desk.kind.${k}`)}</option>)}
              </select>
            </label>
            <label className="desk-form__field">
              <span>{t('intake.category')}</span>
              <select value={category} onChange={(e) => setCategory(e.target.value as typeof category)} data-testid="intake-category">
                {suspectedTypes.map((k) => <option key={k} value={k}>{translateCode(t, 'type', k)}</option>)}
              </select>
            </label>
            <InstitutionCombo
              text={props.institutionText}
              onText={props.onInstitutionText}
              matches={props.institutionMatches?.matches ?? null}
              loading={props.institutionsLoading}
              chosen={institution}
              onChoose={chooseInstitution}
            />
            {issue('institutionId')}
            <div className="desk-form__field desk-combo">
              <label htmlFor="intake-street">{t('intake.street')}</label>
              <input id="intake-street" role="combobox" aria-expanded={matches.length > 0} aria-controls="intake-street-list" aria-autocomplete="list" placeholder={t('intake.streetSearch')} value={streetQuery} onChange={(e) => { setStreetQuery(e.target.value); setStreet(null); }} data-testid="intake-street" />
              {matches.length > 0 && (
                <ul id="intake-street-list" role="listbox" className="desk-combo__list">
                  {matches.map((s) => (
                    <li key={s.properties.code} role="option" aria-selected={false}>
                      <button type="button" onClick={() => chooseStreet(s)} data-testid="intake-street-option">{s.properties.name}</button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <label className="desk-form__field desk-form__wide">
              <span>{t('intake.address')}</span>
              <input value={address} onChange={(e) => setAddress(e.target.value)} data-testid="intake-address" aria-invalid={fields.address ? true : undefined} />
              {issue('address')}
            </label>
            <div className="desk-form__field desk-form__wide">
              <span>{t('intake.position')}</span>
              <span className="desk-form__position">
                <span data-testid="intake-position">{position ? `${position[0].toFixed(5)}, ${position[1].toFixed(5)}` : t('intake.positionNone')}</span>
                <button type="button" className="button button--small" onClick={props.onPick} data-testid="intake-pick">{t('intake.positionPick')}</button>
                {street && streetCentre(street) && (
                  <button type="button" className="button button--small button--ghost" onClick={() => setPosition(streetCentre(street))}>{t('intake.positionOfStreet')}</button>
                )}
                {institution && (!position || position[0] !== institution.position[0] || position[1] !== institution.position[1]) && (
                  <button type="button" className={`button button--small${position ? ' button--ghost' : ''}`} onClick={() => setPosition(institution.position)} data-testid="intake-position-of-institution">
                    {t('intake.positionOfInstitution')}
                  </button>
                )}
              </span>
              {issue('geometry')}
            </div>
            <label className="desk-form__field desk-form__wide">
              <span>{t('intake.description')}</span>
              <textarea rows={4} value={description} onChange={(e) => setDescription(e.target.value)} data-testid="intake-description" aria-invalid={fields.description ? true : undefined} />
              {issue('description')}
            </label>
            <div className="desk-form__field desk-form__wide">
              <span id="intake-photos-label">{t('intake.photos')}</span>
              <span className="desk-form__position">
                {/* The browser's own file button speaks the browser's language; this one speaks the page's. */}
                <label className={`button button--small desk-file-button${photos.length >= MAX_REPORT_PHOTOS ? ' desk-file-button--full' : ''}`}>
                  {t('intake.photosAdd')}
                  <input className="desk-file-button__input" type="file" accept="image/jpeg,image/png,image/webp" multiple aria-labelledby="intake-photos-label" disabled={photos.length >= MAX_REPORT_PHOTOS} onChange={(e) => { addPhotos(e.target.files); e.target.value = ''; }} data-testid="intake-photos" />
                </label>
                <span className="hint">{t('intake.photosHint', { n: MAX_REPORT_PHOTOS })}</span>
              </span>
              {photos.length > 0 && (
                <ul className="desk-files" data-testid="intake-photo-list">
                  {photos.map((file, index) => (
                    <li key={`${index}:${file.name}`}>
                      <span>{file.name}</span>
                      <span className="hint">{Math.max(1, Math.round(file.size / 1024))} KB</span>
                      <button type="button" className="button button--small button--ghost" onClick={() => setPhotos((chosen) => chosen.filter((_, i) => i !== index))} aria-label={t('intake.photoRemove', { name: file.name })}>✕</button>
                    </li>
                  ))}
                </ul>
              )}
              {issue('photos')}
            </div>
            {general && <p className="desk-error desk-form__wide" role="alert" data-testid="intake-error">{general}</p>}
            <div className="desk-form__actions desk-form__wide">
              <button type="submit" className="button button--primary" disabled={saving} data-testid="intake-save">{saving ? t('desk.form.saving') : t('intake.save')}</button>
              <button type="button" className="button button--ghost" onClick={props.onClose}>{t('desk.form.cancel')}</button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
