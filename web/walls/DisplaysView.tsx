import { useState } from 'react';
import type { Me } from '../../server/contract/index.js';
import { defaultPlaylist, wallScenes, type WallDisplay, type WallPlaylist, type WallScene } from '../../server/contract/wall-displays.js';
import { SHANGHAI_DISTRICT_NAMES } from '../../server/domain/districts.js';
import { createWallDisplay, revokeWallDisplay, updateWallDisplay, useWallDisplays } from '../api/wall-displays.js';
import { errorMessage, type ApiError } from '../api/errors.js';
import { useI18n, type Language, type MessageKey } from '../i18n/index.js';
import { districtName } from '../i18n/names.js';
import { ForbiddenPanel } from '../panels/ForbiddenPanel.js';
import { PageHeader } from '../panels/PageHeader.js';
import { TopBar } from '../panels/TopBar.js';
import './displays.css';

// 大屏管理 (`?page=displays`, administrators): the wall displays, a new display's link shown once, a display's playlist
// edited, a display revoked. The list is read here and handed to the rows.

export interface DisplaysViewProps {
  user: Me;
  language: Language;
  onLanguage: (language: Language) => void;
  onLogout: () => void;
  onBack: () => void;
}

interface Draft {
  name: string;
  districtCode: string | null;
  scenes: { scene: WallScene; on: boolean; dwellSeconds: number }[];
  dim: boolean;
  from: string;
  to: string;
}

const draftOf = (display: WallDisplay | null): Draft => {
  const playlist = display?.playlist ?? defaultPlaylist;
  const listed = playlist.scenes.map((s) => ({ ...s, on: true }));
  const rest = wallScenes.filter((scene) => !listed.some((s) => s.scene === scene)).map((scene) => ({ scene, on: false, dwellSeconds: 30 }));
  return {
    name: display?.name ?? '',
    districtCode: display?.districtCode ?? null,
    scenes: [...listed, ...rest],
    dim: playlist.nightHours !== null,
    from: playlist.nightHours?.from ?? '23:00',
    to: playlist.nightHours?.to ?? '06:00',
  };
};

const playlistOf = (d: Draft): WallPlaylist => ({
  scenes: d.scenes.filter((s) => s.on).map((s) => ({ scene: s.scene, dwellSeconds: s.dwellSeconds })),
  nightHours: d.dim ? { from: d.from, to: d.to } : null,
});

const sceneKey = (scene: WallScene): MessageKey => `wall.scene.${scene}` as MessageKey;

export function DisplaysView({ user, onLanguage, onLogout, onBack }: DisplaysViewProps) {
  const { t, language } = useI18n();
  const [revision, setRevision] = useState(0);
  const displays = useWallDisplays(revision);
  const [editing, setEditing] = useState<WallDisplay | null>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(null));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<{ name: string; url: string } | null>(null);

  const shell = (children: React.ReactNode) => (
    <div className="displays-page" data-testid="displays-page">
      <TopBar user={user} onLanguage={onLanguage} onLogout={onLogout} />
      <main className="displays-main">{children}</main>
    </div>
  );
  if (user.role !== 'admin')
    return shell(
      <ForbiddenPanel id="displays" code={t('audit.forbidden.code')} title={t('displays.forbidden')} body={t('displays.forbiddenBody')} back={t('displays.back')} onBack={onBack} />,
    );

  const edit = (display: WallDisplay | null) => {
    setEditing(display);
    setDraft(draftOf(display));
    setError(null);
    setCreated(null);
  };
  const move = (index: number, by: number) =>
    setDraft((d) => {
      const scenes = [...d.scenes];
      const target = index + by;
      if (target < 0 || target >= scenes.length) return d;
      [scenes[index], scenes[target]] = [scenes[target], scenes[index]];
      return { ...d, scenes };
    });
  const setScene = (index: number, change: Partial<Draft['scenes'][number]>) =>
    setDraft((d) => ({ ...d, scenes: d.scenes.map((s, i) => (i === index ? { ...s, ...change } : s)) }));

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (editing) {
        await updateWallDisplay(editing.id, { name: draft.name, playlist: playlistOf(draft) });
        setEditing(null);
        setDraft(draftOf(null));
      } else {
        const answer = await createWallDisplay({ name: draft.name, districtCode: draft.districtCode, playlist: playlistOf(draft) });
        setCreated({ name: answer.display.name, url: `${window.location.origin}${answer.path}` });
        setDraft(draftOf(null));
      }
      setRevision((r) => r + 1);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (display: WallDisplay) => {
    if (!window.confirm(t('displays.revokeConfirm', { name: display.name }))) return;
    try {
      await revokeWallDisplay(display.id);
      setRevision((r) => r + 1);
    } catch (e) {
      setError(e as ApiError);
    }
  };

  const list = displays.data ?? [];
  return shell(
    <>
      <PageHeader title={t('displays.title')} subtitle={t('displays.subtitle')} back={t('displays.back')} onBack={onBack} backTestId="displays-back" />
      <div className="displays-grid">
        <section className="panel displays-list" aria-labelledby="displays-list-title">
          <h3 id="displays-list-title" className="panel__subtitle">
            {t('displays.list', { count: list.length })}
          </h3>
          {displays.loading && !displays.data && <p className="hint">{t('state.loading')}</p>}
          {displays.error && <p role="alert">{t(errorMessage(displays.error).key)}</p>}
          {displays.data && list.length === 0 && <p className="hint" data-testid="displays-empty">{t('displays.empty')}</p>}
          {list.length > 0 && (
            <table className="displays-table" data-testid="displays-table">
              <thead>
                <tr>
                  <th>{t('displays.name')}</th>
                  <th>{t('displays.scope')}</th>
                  <th>{t('displays.scenes')}</th>
                  <th>{t('displays.lastPaired')}</th>
                  <th>{t('displays.status')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.map((d) => (
                  <tr key={d.id} data-testid="display-row" data-revoked={d.revokedAt !== null}>
                    <td>{d.name}</td>
                    <td>{d.districtCode ? districtName(d.districtCode, language) : t('wall.cityWide')}</td>
                    <td>{d.playlist.scenes.map((s) => `${t(sceneKey(s.scene))} ${s.dwellSeconds}s`).join(' → ')}</td>
                    <td>{d.lastPairedAt ? new Date(d.lastPairedAt).toLocaleString(language, { timeZone: 'Asia/Shanghai' }) : t('displays.never')}</td>
                    <td>{d.revokedAt ? t('displays.revoked') : t('displays.active')}</td>
                    <td className="displays-actions">
                      {!d.revokedAt && (
                        <>
                          <button type="button" className="button button--small" onClick={() => edit(d)} data-testid="display-edit">
                            {t('displays.edit')}
                          </button>
                          <button type="button" className="button button--small button--danger" onClick={() => void revoke(d)} data-testid="display-revoke">
                            {t('displays.revoke')}
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <form className="panel displays-form" onSubmit={(e) => void save(e)} data-testid="display-form" aria-labelledby="display-form-title">
          <h3 id="display-form-title" className="panel__subtitle">
            {editing ? t('displays.editTitle', { name: editing.name }) : t('displays.createTitle')}
          </h3>
          <label className="field">
            <span>{t('displays.name')}</span>
            <input value={draft.name} maxLength={60} required onChange={(e) => setDraft({ ...draft, name: e.target.value })} data-testid="display-name" />
          </label>
          <label className="field">
            <span>{t('displays.scope')}</span>
            <select value={draft.districtCode ?? ''} disabled={editing !== null} onChange={(e) => setDraft({ ...draft, districtCode: e.target.value || null })} data-testid="display-district">
              <option value="">{t('wall.cityWide')}</option>
              {SHANGHAI_DISTRICT_NAMES.map((d) => (
                <option key={d.code} value={d.code}>
                  {language === 'en' ? d.nameEn : d.name}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="displays-scenes">
            <legend>{t('displays.playlist')}</legend>
            {draft.scenes.map((s, i) => (
              <div key={s.scene} className="displays-scene" data-testid={`scene-${s.scene}`}>
                <label>
                  <input type="checkbox" checked={s.on} onChange={(e) => setScene(i, { on: e.target.checked })} />
                  {t(sceneKey(s.scene))}
                </label>
                <label className="displays-dwell">
                  <input type="number" min={5} max={600} value={s.dwellSeconds} onChange={(e) => setScene(i, { dwellSeconds: Number(e.target.value) })} aria-label={t('displays.dwell')} />
                  {t('displays.seconds')}
                </label>
                <button type="button" className="button button--small" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('displays.up')}>
                  ↑
                </button>
                <button type="button" className="button button--small" onClick={() => move(i, 1)} disabled={i === draft.scenes.length - 1} aria-label={t('displays.down')}>
                  ↓
                </button>
              </div>
            ))}
          </fieldset>
          <fieldset className="displays-night">
            <legend>
              <label>
                <input type="checkbox" checked={draft.dim} onChange={(e) => setDraft({ ...draft, dim: e.target.checked })} /> {t('displays.night')}
              </label>
            </legend>
            <input type="time" value={draft.from} disabled={!draft.dim} onChange={(e) => setDraft({ ...draft, from: e.target.value })} aria-label={t('displays.nightFrom')} />
            –
            <input type="time" value={draft.to} disabled={!draft.dim} onChange={(e) => setDraft({ ...draft, to: e.target.value })} aria-label={t('displays.nightTo')} />
          </fieldset>
          {error && (
            <p role="alert" className="displays-error" data-testid="display-error">
              {t(errorMessage(error).key)} {error.message}
            </p>
          )}
          <div className="displays-buttons">
            {editing && (
              <button type="button" className="button" onClick={() => edit(null)}>
                {t('displays.cancel')}
              </button>
            )}
            <button type="submit" className="button button--primary" disabled={busy || !draft.scenes.some((s) => s.on)} data-testid="display-save">
              {editing ? t('displays.save') : t('displays.create')}
            </button>
          </div>
          {created && (
            <div className="displays-created" role="status" data-testid="display-created">
              <p>{t('displays.createdOnce', { name: created.name })}</p>
              <code data-testid="display-link">{created.url}</code>
              <div className="displays-buttons">
                <button type="button" className="button button--small" onClick={() => void navigator.clipboard?.writeText(created.url)}>
                  {t('displays.copy')}
                </button>
              </div>
            </div>
          )}
        </form>
      </div>
    </>,
  );
}
