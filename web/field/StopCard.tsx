import { useEffect, useRef } from 'react';
import type { FieldAssignment } from '../../server/contract/field.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { photoThumbnailUrl } from '../api/field.js';
import { distanceTo, instantClock, isFar, type StopView } from '../state/field.js';
import { navigationLinks } from '../state/field-navigation.js';
import type { QueueItem } from '../state/field-queue.js';
import { deviceNow, newKey } from './ids.js';
import type { PositionState } from './use-position.js';

export interface StopCardProps {
  view: StopView;
  assignment: FieldAssignment;
  position: PositionState;
  userId: number;
  enqueue: (items: QueueItem[]) => Promise<void>;
  onCheckIn: () => void;
  onClose: () => void;
}

/** Metres as the phone shows them: 85 m, 1.2 km. */
export function metresText(metres: number): string {
  return metres < 1000 ? `${Math.round(metres)} m` : `${(metres / 1000).toFixed(1)} km`;
}

/** One stop: where it is, how far I am, 导航, 到达, 检查登记, its check-in and the co-signature (双人执法). */
export function StopCard({ view, assignment, position, userId, enqueue, onCheckIn, onClose }: StopCardProps) {
  const { t } = useI18n();
  const { stop, checkIn } = view;
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  const links = navigationLinks(stop.location, stop.name);
  const here = position.position ? distanceTo(position.position, stop.location) : null;
  const base = { userId, queuedAt: deviceNow(), label: `${stop.order}. ${stop.name}`, state: 'pending' as const, attempts: 0, error: null };
  const where = { campaignId: assignment.campaignId, teamId: assignment.teamId, targetKey: stop.targetKey };

  const arrive = () => {
    const key = newKey();
    void enqueue([{ ...base, kind: 'arrival', key, body: { idempotencyKey: key, ...where, arrivedAt: deviceNow(), position: position.position } }]);
  };
  const cosign = () => {
    if (!checkIn) return;
    const key = newKey();
    void enqueue([{ ...base, kind: 'cosign', key, checkInId: checkIn.id, ...where, body: { idempotencyKey: key, position: position.position, cosignedAt: deviceNow() } }]);
  };
  const recordedByMe = checkIn ? !view.cosignable && checkIn.status === 'pending_cosign' && !view.cosignQueued : Boolean(view.queuedCheckIn);
  const result = checkIn?.result ?? view.queuedCheckIn?.result ?? null;

  return (
    <div className="phone-sheet" role="dialog" aria-modal="true" aria-labelledby="field-stop-title" data-testid="stop-card">
      <div className="phone-sheet__head">
        <h2 id="field-stop-title">
          <span className="phone-stop__order">{stop.order}</span> {stop.name}
        </h2>
        <button ref={closeRef} type="button" className="phone-button phone-button--quiet" onClick={onClose} aria-label={t('field.close')} data-testid="stop-close">
          ✕
        </button>
      </div>
      <p>{stop.address}</p>
      <dl className="phone-facts">
        <dt>{t('field.eta')}</dt>
        <dd>
          {stop.eta}–{stop.departure}
        </dd>
        {stop.riskTier && (
          <>
            <dt>{t('risk.tier')}</dt>
            <dd>{t(`risk.tier${stop.riskTier}` as MessageKey)}</dd>
          </>
        )}
        {stop.creditCode && (
          <>
            <dt>{t('field.creditCode')}</dt>
            <dd>{stop.creditCode}</dd>
          </>
        )}
        <dt>{t('field.status')}</dt>
        <dd data-testid="stop-status">{t(`field.status.${view.status}` as MessageKey)}</dd>
        <dt>{t('field.distanceNow')}</dt>
        <dd data-testid="stop-distance">{here === null ? t(`field.position.${position.status}` as MessageKey) : metresText(here)}</dd>
        {view.arrivedAt && (
          <>
            <dt>{t('field.arrivedAt')}</dt>
            <dd>{instantClock(view.arrivedAt)}</dd>
          </>
        )}
      </dl>
      {stop.checks.length > 0 && (
        <p className="phone-muted">
          {t('field.checksAsked')}: {stop.checks.map((c) => t(`campaign.check.${c}` as MessageKey)).join('、')}
        </p>
      )}

      <div className="phone-actions">
        <a className="phone-button" href={links.amap} target="_blank" rel="noreferrer" data-testid="navigate-amap">
          {t('field.navigate.amap')}
        </a>
        <a className="phone-button" href={links.geo} data-testid="navigate-geo">
          {t('field.navigate.other')}
        </a>
      </div>
      <p className="phone-muted phone-small">{t('field.navigate.datum')}</p>

      <div className="phone-actions">
        {view.status === 'todo' && (
          <button type="button" className="phone-button phone-button--primary" onClick={arrive} data-testid="stop-arrive">
            {t('field.arrive')}
          </button>
        )}
        {!checkIn && !view.queuedCheckIn && (
          <button type="button" className="phone-button phone-button--primary" onClick={onCheckIn} data-testid="stop-check-in">
            {t('field.checkIn')}
          </button>
        )}
      </div>

      {(checkIn || view.queuedCheckIn) && (
        <section className="phone-card" data-testid="stop-check-in-summary">
          <h3>{t('field.checkInDone')}</h3>
          <p>
            {t('field.result')}: <strong data-testid="stop-result">{result ? t(`checkInResult.${result}` as MessageKey) : ''}</strong>
          </p>
          {checkIn && (
            <p className="phone-muted">
              {t('field.recordedBy', { name: checkIn.recordedBy.name, at: instantClock(checkIn.checkedAt) })}
              {checkIn.cosignedBy && ` · ${t('field.cosignedBy', { name: checkIn.cosignedBy.name })}`}
            </p>
          )}
          {view.distanceMetres !== null && (
            <p>
              {t('field.distance')}: {metresText(view.distanceMetres)}
            </p>
          )}
          {(view.far || isFar(view.distanceMetres)) && <p className="phone-flag phone-flag--alert">{t('field.farHint')}</p>}
          {checkIn && checkIn.photos.length > 0 && (
            <div className="phone-photos">
              {checkIn.photos.map((p) => (
                <img key={p.sha256} src={photoThumbnailUrl(p.sha256)} alt={t('field.photo')} width={96} height={96} loading="lazy" />
              ))}
            </div>
          )}
          {view.unsynced && <p className="phone-flag">{t(view.refused ? 'field.refused' : 'field.notSynced')}</p>}
          {view.cosignable && (
            <button type="button" className="phone-button phone-button--primary phone-button--wide" onClick={cosign} data-testid="stop-cosign">
              {t('field.cosign')}
            </button>
          )}
          {recordedByMe && <p className="phone-muted" data-testid="stop-await-cosign">{t('field.awaitCosign')}</p>}
        </section>
      )}
    </div>
  );
}
