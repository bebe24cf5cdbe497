import { useState } from 'react';
import { defaultPlaylist, wallScenes, type WallDisplay, type WallPlaylist, type WallScene } from '../../server/contract/wall-displays.js';
import { createWallDisplay, revokeWallDisplay, updateWallDisplay, useWallDisplays } from '../api/wall-displays.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { districtName } from '../i18n/names.js';
import { RegistryError, RegistryList, RegistryShell, ScopeSelect, ShownOnce, useRegistryWrites, type RegistryPageProps } from '../panels/AdminRegistry.js';
import { PageHeader } from '../panels/PageHeader.js';

// 大屏管理 (`?page=displays`, administrators): the wall displays, a new display's link shown once, a display's playlist
// edited, a display revoked. The list is read here and handed to the rows.

export type DisplaysViewProps = RegistryPageProps;

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

export function DisplaysView(props: DisplaysViewProps) {
  const { t } = useI18n();
  return (
    <RegistryShell id="displays" {...props} forbidden={{ title: t('displays.forbidden'), body: t('displays.forbiddenBody'), back: t('displays.back') }}>
      {() => <Displays onBack={props.onBack} />}
    </RegistryShell>
  );
}

function Displays({ onBack }: { onBack: () => void }) {
  const { t, language } = useI18n();
  const writes = useRegistryWrites();
  const displays = useWallDisplays(writes.revision);
  const [editing, setEditing] = useState<WallDisplay | null>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(null));
  const [created, setCreated] = useState<{ name: string; url: string } | null>(null);

  const edit = (display: WallDisplay | null) => {
    setEditing(display);
    setDraft(draftOf(display));
    writes.setError(null);
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

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    void writes.run(async () => {
      if (editing) {
        await updateWallDisplay(editing.id, { name: draft.name, playlist: playlistOf(draft) });
        setEditing(null);
      } else {
        const answer = await createWallDisplay({ name: draft.name, districtCode: draft.districtCode, playlist: playlistOf(draft) });
        setCreated({ name: answer.display.name, url: `${window.location.origin}${answer.path}` });
      }
      setDraft(draftOf(null));
    });
  };
  const revoke = (display: WallDisplay) => {
    if (window.confirm(t('displays.revokeConfirm', { name: display.name }))) void writes.run(() => revokeWallDisplay(display.id));
  };

  return (
    <>
      <PageHeader title={t('displays.title')} subtitle={t('displays.subtitle')} back={t('displays.back')} onBack={onBack} backTestId="displays-back" />
      <div className="displays-grid">
        <RegistryList
          id="displays"
          title={t('displays.list', { count: displays.data?.length ?? 0 })}
          resource={displays}
          empty={t('displays.empty')}
          columns={[t('displays.name'), t('displays.scope'), t('displays.scenes'), t('displays.lastPaired'), t('displays.status')]}
          row={(d) => (
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
                    <button type="button" className="button button--small button--danger" onClick={() => revoke(d)} data-testid="display-revoke">
                      {t('displays.revoke')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          )}
        />

        <form className="panel displays-form" onSubmit={save} data-testid="display-form" aria-labelledby="display-form-title">
          <h3 id="display-form-title" className="panel__subtitle">
            {editing ? t('displays.editTitle', { name: editing.name }) : t('displays.createTitle')}
          </h3>
          <label className="field">
            <span>{t('displays.name')}</span>
            <input value={draft.name} maxLength={60} required onChange={(e) => setDraft({ ...draft, name: e.target.value })} data-testid="display-name" />
          </label>
          <label className="field">
            <span>{t('displays.scope')}</span>
            <ScopeSelect value={draft.districtCode} disabled={editing !== null} onChange={(code) => setDraft({ ...draft, districtCode: code })} testId="display-district" />
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
          <RegistryError error={writes.error} testId="display-error" />
          <div className="displays-buttons">
            {editing && (
              <button type="button" className="button" onClick={() => edit(null)}>
                {t('displays.cancel')}
              </button>
            )}
            <button type="submit" className="button button--primary" disabled={writes.busy || !draft.scenes.some((s) => s.on)} data-testid="display-save">
              {editing ? t('displays.save') : t('displays.create')}
            </button>
          </div>
          {created && (
            <ShownOnce message={t('displays.createdOnce', { name: created.name })} value={created.url} testId="display-created" valueTestId="display-link" copy={t('displays.copy')} />
          )}
        </form>
      </div>
    </>
  );
}
