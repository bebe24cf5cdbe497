import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  MAX_REPORT_PHOTO_BYTES,
  MAX_REPORT_PHOTOS,
  type PublicDistrictCollection,
  type PublicReportReceipt,
} from '../../server/contract/public-reports.js';
import { suspectedTypes } from '../../server/domain/vocabulary.js';
import { translateCode, useI18n } from '../i18n/index.js';
import { PickMap } from './PickMap.js';
import { checkPhotoFile, photoPosition } from './photo-file.js';
import { fieldErrorsOf, type FieldErrors, type ReportField } from './report-errors.js';

export interface Position {
  lngLat: [number, number];
  source: 'exif' | 'map';
}

interface ChosenPhoto {
  file: File;
  url: string;
}

export interface ReportCluePageProps {
  districts: PublicDistrictCollection | null;
  mapFailed: boolean;
  /** Sends the form; `onProgress` hears the share sent (0–1). */
  submit: (form: FormData, onProgress: (sent: number) => void) => Promise<PublicReportReceipt>;
  onDone: (receipt: PublicReportReceipt) => void;
}

const MB = MAX_REPORT_PHOTO_BYTES / 1024 / 1024;

/** The 随手拍 form: photos with their previews, the place (photo GPS or a tap on the map), what and where, a phone. */
export function ReportCluePage({ districts, mapFailed, submit, onDone }: ReportCluePageProps) {
  const { t } = useI18n();
  const [photos, setPhotos] = useState<ChosenPhoto[]>([]);
  const [position, setPosition] = useState<Position | null>(null);
  const [focusSeq, setFocusSeq] = useState(0);
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [contact, setContact] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [progress, setProgress] = useState<number | null>(null);
  const photoInput = useRef<HTMLInputElement | null>(null);
  const urls = useRef<string[]>([]);
  useEffect(() => () => urls.current.forEach((url) => URL.revokeObjectURL(url)), []);

  const clearError = (field: ReportField) => setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));

  /** The first photo's GPS places the report unless the reporter has tapped the map. */
  async function placeFromPhoto(first: File | undefined) {
    if (position?.source === 'map') return;
    const lngLat = first ? await photoPosition(first) : null;
    setPosition(lngLat ? { lngLat, source: 'exif' } : null);
    if (lngLat) {
      setFocusSeq((n) => n + 1);
      clearError('position');
    }
  }

  async function addPhotos(files: FileList | null) {
    if (!files || files.length === 0) return;
    const chosen: ChosenPhoto[] = [];
    for (const file of Array.from(files)) {
      const problem = await checkPhotoFile(file);
      if (problem) {
        setErrors((e) => ({ ...e, photos: { key: problem === 'type' ? 'publicReport.error.photoType' : 'publicReport.error.photoSize', params: { name: file.name, mb: MB } } }));
        return;
      }
      chosen.push({ file, url: URL.createObjectURL(file) });
    }
    const next = [...photos, ...chosen];
    if (next.length > MAX_REPORT_PHOTOS) {
      chosen.forEach((p) => URL.revokeObjectURL(p.url));
      setErrors((e) => ({ ...e, photos: { key: 'publicReport.error.photoCount', params: { max: MAX_REPORT_PHOTOS } } }));
      return;
    }
    urls.current.push(...chosen.map((p) => p.url));
    setPhotos(next);
    clearError('photos');
    if (photos.length === 0) await placeFromPhoto(next[0]?.file);
  }

  async function removePhoto(index: number) {
    const next = photos.filter((_, i) => i !== index);
    URL.revokeObjectURL(photos[index].url);
    setPhotos(next);
    clearError('photos');
    if (index === 0) await placeFromPhoto(next[0]?.file);
  }

  function pick(lngLat: [number, number]) {
    setPosition({ lngLat, source: 'map' });
    clearError('position');
  }

  /** What the browser can tell before sending; the server checks all of it again. */
  function checkLocally(): FieldErrors {
    const found: FieldErrors = {};
    if (!category) found.category = { key: 'publicReport.error.category' };
    const length = description.trim().length;
    if (length < DESCRIPTION_MIN || length > DESCRIPTION_MAX) found.description = { key: 'publicReport.error.description', params: { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX } };
    if (contact.trim() && !/^\+?[\d\s-]{7,20}$/.test(contact.trim())) found.contact = { key: 'publicReport.error.contact' };
    if (!position) found.position = { key: 'publicReport.error.position' };
    return found;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const local = checkLocally();
    setErrors(local);
    if (Object.values(local).some(Boolean)) return;
    const form = new FormData();
    form.set('category', category);
    form.set('description', description.trim());
    if (address.trim()) form.set('address', address.trim());
    if (contact.trim()) form.set('contact', contact.trim());
    // A place from the photo is left to the server, which reads the same GPS from the same file.
    if (position?.source === 'map') {
      form.set('longitude', String(position.lngLat[0]));
      form.set('latitude', String(position.lngLat[1]));
    }
    for (const p of photos) form.append('photos', p.file, p.file.name);
    setProgress(0);
    try {
      onDone(await submit(form, setProgress));
    } catch (error) {
      setErrors(fieldErrorsOf(error, photos.map((p) => p.file.name)));
      setProgress(null);
    }
  }

  const sending = progress !== null;
  const message = (field: ReportField) => {
    const error = errors[field];
    return error ? (
      <p className="report-form__error" role="alert" id={`report-${field}-error`} data-testid={`report-error-${field}`}>
        {t(error.key, error.params)}
      </p>
    ) : null;
  };
  const described = (field: ReportField, hint?: string) => [errors[field] ? `report-${field}-error` : null, hint ?? null].filter(Boolean).join(' ') || undefined;

  return (
    <form className="report-form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="report-form">
      <p className="report-form__intro">{t('publicReport.intro')}</p>

      <fieldset className="report-form__group" aria-describedby={described('photos', 'report-photos-hint')}>
        <legend>{t('publicReport.photos', { max: MAX_REPORT_PHOTOS })}</legend>
        <div className="report-photos">
          {photos.map((p, i) => (
            <figure key={p.url} className="report-photos__item">
              <img src={p.url} alt={p.file.name} />
              <button type="button" className="report-photos__remove" onClick={() => void removePhoto(i)} aria-label={`${t('publicReport.removePhoto')} ${p.file.name}`}>
                ×
              </button>
            </figure>
          ))}
          {photos.length < MAX_REPORT_PHOTOS && (
            <button type="button" className="report-photos__add" onClick={() => photoInput.current?.click()} data-testid="report-add-photo">
              <span aria-hidden="true">＋</span>
              {t('publicReport.addPhoto')}
            </button>
          )}
        </div>
        <input
          ref={photoInput}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          hidden
          data-testid="report-photo-input"
          onChange={(e) => {
            void addPhotos(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
        <p className="report-form__hint" id="report-photos-hint">
          {t('publicReport.photoHint', { mb: MB })}
        </p>
        {message('photos')}
      </fieldset>

      <fieldset className="report-form__group" aria-describedby={described('position', 'report-position-state')}>
        <legend>{t('publicReport.position')}</legend>
        <p className="report-form__hint">{t('publicReport.positionHint')}</p>
        <PickMap districts={districts} value={position?.lngLat ?? null} focusSeq={focusSeq} onPick={pick} label={t('publicReport.map')} />
        {mapFailed && <p className="report-form__hint">{t('publicReport.mapUnavailable')}</p>}
        <p className="report-form__position" id="report-position-state" role="status" data-testid="report-position">
          {position === null
            ? t('publicReport.positionNone')
            : position.source === 'exif'
              ? t('publicReport.positionFromPhoto')
              : t('publicReport.positionPicked', { lon: position.lngLat[0].toFixed(5), lat: position.lngLat[1].toFixed(5) })}
        </p>
        {message('position')}
      </fieldset>

      <label className="report-form__field">
        <span>{t('publicReport.category')}</span>
        <select
          value={category}
          onChange={(e) => {
            setCategory(e.target.value);
            clearError('category');
          }}
          aria-invalid={errors.category ? true : undefined}
          aria-describedby={described('category')}
          data-testid="report-category"
        >
          <option value="">{t('publicReport.categoryChoose')}</option>
          {suspectedTypes.map((type) => (
            <option key={type} value={type}>
              {translateCode(t, 'type', type)}
            </option>
          ))}
        </select>
        {message('category')}
      </label>

      <label className="report-form__field">
        <span>{t('publicReport.description')}</span>
        <textarea
          value={description}
          rows={4}
          maxLength={DESCRIPTION_MAX}
          onChange={(e) => {
            setDescription(e.target.value);
            clearError('description');
          }}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={described('description', 'report-description-hint')}
          data-testid="report-description"
        />
        <small className="report-form__hint" id="report-description-hint">
          {t('publicReport.descriptionHint', { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX })} · {description.trim().length}
        </small>
        {message('description')}
      </label>

      <label className="report-form__field">
        <span>{t('publicReport.address')}</span>
        <input value={address} maxLength={200} placeholder={t('publicReport.addressHint')} onChange={(e) => setAddress(e.target.value)} aria-describedby={described('address')} data-testid="report-address" />
        {message('address')}
      </label>

      <label className="report-form__field">
        <span>{t('publicReport.contact')}</span>
        <input
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={contact}
          onChange={(e) => {
            setContact(e.target.value);
            clearError('contact');
          }}
          aria-invalid={errors.contact ? true : undefined}
          aria-describedby={described('contact', 'report-contact-hint')}
          data-testid="report-contact"
        />
        <small className="report-form__hint" id="report-contact-hint">
          {t('publicReport.contactHint')}
        </small>
        {message('contact')}
      </label>

      {message('form')}
      <button type="submit" className="button button--accent report-form__submit" disabled={sending} data-testid="report-submit">
        {sending ? t('publicReport.sending', { percent: Math.round((progress ?? 0) * 100) }) : t('publicReport.submit')}
      </button>
      {sending && <progress className="report-form__progress" max={1} value={progress ?? 0} aria-label={t('publicReport.sending', { percent: Math.round((progress ?? 0) * 100) })} />}
    </form>
  );
}

