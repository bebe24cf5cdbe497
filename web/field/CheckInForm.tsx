import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_CHECK_IN, type FieldAssignment } from '../../server/contract/field.js';
import type { CheckItem } from '../../server/domain/campaign.js';
import { checkFindings, checkInResults, type CheckFinding, type CheckInResult } from '../../server/domain/vocabulary.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { distanceTo, isFar, type StopView } from '../state/field.js';
import type { PhotoMediaType, QueueItem } from '../state/field-queue.js';
import { deviceNow, newKey, sha256Hex } from './ids.js';
import { metresText } from './StopCard.js';
import type { PositionState } from './use-position.js';

export interface CheckInFormProps {
  view: StopView;
  assignment: FieldAssignment;
  position: PositionState;
  userId: number;
  enqueue: (items: QueueItem[]) => Promise<void>;
  onDone: () => void;
  onClose: () => void;
}

interface Picked {
  sha256: string;
  mediaType: PhotoMediaType;
  blob: Blob;
  url: string;
  name: string;
}

const MEDIA_TYPES: readonly string[] = ['image/jpeg', 'image/png'];

/**
 * 检查登记: the result, one finding per 十查 item the plan asked for, notes, photos (the camera, several), and the
 * device's position with its distance to the target, live. Saving queues the photos and then the check-in that names
 * them by SHA-256; the outbox sends them when it can.
 */
export function CheckInForm({ view, assignment, position, userId, enqueue, onDone, onClose }: CheckInFormProps) {
  const { t } = useI18n();
  const { stop } = view;
  const [result, setResult] = useState<CheckInResult | null>(null);
  const [findings, setFindings] = useState<Partial<Record<CheckItem, CheckFinding>>>({});
  const [notes, setNotes] = useState('');
  const [photos, setPhotos] = useState<Picked[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The previews' object URLs, released when a photo is removed and when the form closes.
  const urls = useRef(new Set<string>());
  useEffect(() => {
    const made = urls.current;
    return () => made.forEach((url) => URL.revokeObjectURL(url));
  }, []);
  const preview = (blob: Blob) => {
    const url = URL.createObjectURL(blob);
    urls.current.add(url);
    return url;
  };
  const release = (url: string) => {
    URL.revokeObjectURL(url);
    urls.current.delete(url);
  };

  const distance = position.position ? distanceTo(position.position, stop.location) : null;
  const far = isFar(distance);

  const addPhotos = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    const added: Picked[] = [];
    for (const file of files) {
      if (!MEDIA_TYPES.includes(file.type)) {
        setProblem(t('field.photo.type', { name: file.name }));
        continue;
      }
      if (file.size > MAX_PHOTO_BYTES) {
        setProblem(t('field.photo.tooLarge', { name: file.name }));
        continue;
      }
      const bytes = new Blob([await file.arrayBuffer()], { type: file.type });
      const sha256 = await sha256Hex(bytes);
      if (photos.some((p) => p.sha256 === sha256) || added.some((p) => p.sha256 === sha256)) continue;
      added.push({ sha256, mediaType: file.type as PhotoMediaType, blob: bytes, url: preview(bytes), name: file.name });
    }
    const room = MAX_PHOTOS_PER_CHECK_IN - photos.length;
    if (added.length > room) {
      setProblem(t('field.photo.tooMany', { max: MAX_PHOTOS_PER_CHECK_IN }));
      added.splice(room).forEach((p) => release(p.url));
    }
    setPhotos((list) => [...list, ...added]);
  };

  const removePhoto = (sha256: string) => {
    photos.filter((p) => p.sha256 === sha256).forEach((p) => release(p.url));
    setPhotos((list) => list.filter((p) => p.sha256 !== sha256));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!result) return setProblem(t('field.form.needResult'));
    if (stop.checks.some((c) => !findings[c])) return setProblem(t('field.form.needFindings'));
    setSaving(true);
    const key = newKey();
    const base = { userId, queuedAt: deviceNow(), label: `${stop.order}. ${stop.name}`, state: 'pending' as const, attempts: 0, error: null };
    const items: QueueItem[] = [
      ...photos.map((p): QueueItem => ({ ...base, kind: 'photo', key: newKey(), sha256: p.sha256, mediaType: p.mediaType, blob: p.blob, forCheckIn: key })),
      {
        ...base,
        kind: 'checkIn',
        key,
        body: {
          idempotencyKey: key,
          campaignId: assignment.campaignId,
          teamId: assignment.teamId,
          targetKey: stop.targetKey,
          result,
          findings: stop.checks.map((item) => ({ item, finding: findings[item]! })),
          notes: notes.trim(),
          photos: photos.map((p) => p.sha256),
          position: position.position,
          checkedAt: deviceNow(),
        },
      },
    ];
    try {
      await enqueue(items);
      onDone();
    } catch (error) {
      setSaving(false);
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <div className="phone-sheet" role="dialog" aria-modal="true" aria-labelledby="field-form-title" data-testid="check-in-form">
      <div className="phone-sheet__head">
        <h2 id="field-form-title">
          {t('field.checkIn')} · {stop.order}. {stop.name}
        </h2>
        <button type="button" className="phone-button phone-button--quiet" onClick={onClose} aria-label={t('field.close')}>
          ✕
        </button>
      </div>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p className={`phone-position${far ? ' phone-position--far' : ''}`} role="status" data-testid="form-distance" data-far={far}>
          {distance === null ? t(`field.position.${position.status}` as MessageKey) : t('field.form.distance', { distance: metresText(distance) })}
          {position.position?.accuracyMetres != null && ` (±${Math.round(position.position.accuracyMetres)} m)`}
          {far && <strong> · {t('field.far')}</strong>}
        </p>

        <fieldset className="phone-fieldset">
          <legend>{t('field.result')}</legend>
          <div className="phone-choices phone-choices--grid">
            {checkInResults.map((r) => (
              <label key={r} className="phone-choice">
                <input type="radio" name="result" value={r} checked={result === r} onChange={() => setResult(r)} data-testid={`result-${r}`} />
                <span>{t(`checkInResult.${r}` as MessageKey)}</span>
              </label>
            ))}
          </div>
        </fieldset>

        {stop.checks.length > 0 && (
          <fieldset className="phone-fieldset">
            <legend>{t('field.checksAsked')}</legend>
            <button type="button" className="phone-button phone-button--quiet" onClick={() => setFindings(Object.fromEntries(stop.checks.map((c) => [c, 'ok'])))} data-testid="findings-all-ok">
              {t('field.form.allOk')}
            </button>
            {stop.checks.map((item) => (
              <div key={item} className="phone-finding" role="radiogroup" aria-label={t(`campaign.check.${item}` as MessageKey)} data-testid="finding-row" data-item={item}>
                <span className="phone-finding__name">{t(`campaign.check.${item}` as MessageKey)}</span>
                <div className="phone-choices">
                  {checkFindings.map((f) => (
                    <label key={f} className={`phone-choice phone-choice--${f}`}>
                      <input type="radio" name={`finding-${item}`} value={f} checked={findings[item] === f} onChange={() => setFindings((all) => ({ ...all, [item]: f }))} />
                      <span>{t(`field.finding.${f}` as MessageKey)}</span>
                    </label>
                  ))}
                </div>
              </div>
            ))}
          </fieldset>
        )}

        <label className="phone-fieldset phone-notes">
          <span>{t('field.notes')}</span>
          <textarea value={notes} maxLength={2000} rows={3} onChange={(e) => setNotes(e.target.value)} data-testid="check-in-notes" />
        </label>

        <div className="phone-fieldset">
          <label className="phone-button phone-button--wide phone-file">
            {t('field.photo.add', { count: photos.length, max: MAX_PHOTOS_PER_CHECK_IN })}
            <input type="file" accept="image/jpeg,image/png" capture="environment" multiple onChange={(e) => void addPhotos(e)} data-testid="check-in-photos" />
          </label>
          {photos.length > 0 && (
            <ul className="phone-photos" data-testid="photo-previews">
              {photos.map((p) => (
                <li key={p.sha256}>
                  <img src={p.url} alt={p.name} width={96} height={96} />
                  <button type="button" className="phone-photo__remove" onClick={() => removePhoto(p.sha256)} aria-label={t('field.photo.remove', { name: p.name })}>
                    ✕
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>

        {problem && (
          <p className="phone-notice phone-notice--alert" role="alert" data-testid="check-in-problem">
            {problem}
          </p>
        )}
        <button type="submit" className="phone-button phone-button--primary phone-button--wide" disabled={saving} data-testid="check-in-save">
          {t('field.form.save')}
        </button>
        <p className="phone-muted phone-small">{t('field.form.queuedHint')}</p>
      </form>
    </div>
  );
}
