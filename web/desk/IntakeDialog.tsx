import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { ClueIntake, ClueLoopDetail, DuplicateCandidates } from '../../server/contract/clue-loop.js';
import { clueKinds, deskIntakeSources, suspectedTypes } from '../../server/contract/enums.js';
import type { InstitutionMatch, InstitutionMatches } from '../../server/contract/institutions.js';
import type { RoadMatch, RoadMatches } from '../../server/contract/roads.js';
import { MAX_REPORT_PHOTOS } from '../../server/contract/public-reports.js';
import type { StreetCollection } from '../../server/contract/streets.js';
import { shanghaiIsoString } from '../../server/domain/time.js';
import type { ApiError } from '../api/errors.js';
import { errorText } from '../i18n/errors.js';
import { translateCode, useI18n } from '../i18n/index.js';
import { addressWithPlace } from '../state/desk.js';
import { Combobox } from './Combobox.js';
import { InstitutionCombo } from './InstitutionCombo.js';
import type { StepOutcome } from './use-desk-page.js';

// The desk's intake form (线索登记): a 12345 call, a grid worker's patrol report (网格巡查上报), a media report or a
// transfer; who reported, what kind, what is suspected, the suspected institution (searched), where (a 街镇 or a road
// searched by name, then the address, and the point picked on the map, the street's centre, the road's point or the
// institution's place), what was said, the reporter's photos. After saving, the new clue's possible duplicates.

type Street = StreetCollection['features'][number];
/** What the address search offers: the 街镇 matching by name (from the list at hand), then the roads (asked). */
type Place = { kind: 'street'; street: Street } | { kind: 'road'; road: RoadMatch };
const placeKey = (p: Place) => (p.kind === 'street' ? `street:${p.street.properties.code}` : `road:${p.road.name}`);
const roadWhere = (r: RoadMatch) => [r.streetName, r.districtName].filter(Boolean).join(' · ');

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
  placeText: string;
  onPlaceText: (text: string) => void;
  /** The server's roads for the place text as it stands; null while none are asked or they are for an older text. */
  roadMatches: RoadMatches | null;
  roadsLoading: boolean;
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
  const { placeText, onPlaceText } = props;
  const [place, setPlace] = useState<Place | null>(null);
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
  const placeOptions = useMemo((): Place[] | null => {
    const q = placeText.trim();
    if (!q || place) return null;
    const streets: Place[] = (props.streets?.features ?? []).filter((f) => f.properties.name.includes(q)).slice(0, 8).map((street) => ({ kind: 'street', street }));
    return [...streets, ...(props.roadMatches?.matches ?? []).map((road): Place => ({ kind: 'road', road }))];
  }, [placeText, props.streets, props.roadMatches, place]);
  // The 街镇 of the chosen road too, when it is in the list at hand: its centre stays one click away.
  const street = place?.kind === 'street' ? place.street : (props.streets?.features.find((f) => place?.kind === 'road' && f.properties.code === place.road.streetCode) ?? null);
  const road = place?.kind === 'road' ? place.road : null;
  const choosePlace = (chosen: Place) => {
    setPlace(chosen);
    if (chosen.kind === 'street') {
      onPlaceText(chosen.street.properties.name);
      setAddress(addressWithPlace(address, [chosen.street.properties.name]));
      const centre = streetCentre(chosen.street);
      if (centre && !position) setPosition(centre);
    } else {
      onPlaceText(chosen.road.name);
      setAddress(addressWithPlace(address, [chosen.road.streetName ?? '', chosen.road.name]));
      if (!position) setPosition(chosen.road.position);
    }
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
            <Combobox<Place>
              id="intake-street"
              label={t('intake.street')}
              placeholder={t('intake.streetSearch')}
              text={placeText}
              onText={(text) => {
                onPlaceText(text);
                setPlace(null);
              }}
              options={placeOptions}
              optionKey={placeKey}
              renderOption={(p) =>
                p.kind === 'street' ? (
                  <>
                    <strong>{p.street.properties.name}</strong>
                    <span className="hint">{t('intake.placeStreet')}</span>
                  </>
                ) : (
                  <>
                    <strong>{p.road.name}</strong>
                    <span className="hint">{[t('intake.placeRoad'), roadWhere(p.road)].filter(Boolean).join(' · ')}</span>
                  </>
                )
              }
              onChoose={choosePlace}
              loading={props.roadsLoading || props.roadMatches === null}
              noMatch={t('intake.placeNoMatch')}
              below={
                road && (
                  <span className="hint" data-testid="intake-road-chosen">
                    {[t('intake.placeRoad'), roadWhere(road)].filter(Boolean).join(' · ')}
                  </span>
                )
              }
            />
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
                {road && (!position || position[0] !== road.position[0] || position[1] !== road.position[1]) && (
                  <button type="button" className="button button--small button--ghost" onClick={() => setPosition(road.position)} data-testid="intake-position-of-road">{t('intake.positionOfRoad')}</button>
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
