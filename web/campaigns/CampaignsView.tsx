import { useCallback, useState, type KeyboardEvent } from 'react';
import type { Campaign, Me } from '../../server/contract/index.js';
import type { CampaignDefinition } from '../../server/domain/campaign.js';
import { SHANGHAI_DISTRICT_NAMES } from '../../server/domain/districts.js';
import type { IsoDate } from '../../server/domain/time.js';
import { useDistricts } from '../api/hooks.js';
import { createCampaign, editCampaign, stepCampaign, useCampaigns, useCampaignVersions, type CampaignStep } from '../api/campaigns.js';
import { ApiError, errorMessage } from '../api/errors.js';
import { useI18n, type Language, type MessageKey } from '../i18n/index.js';
import { TopBar } from '../panels/TopBar.js';
import { reportSearch } from '../navigation.js';
import { byUpdate, fieldIssues, fieldsOf, newDefinition } from '../state/campaigns.js';
import { CampaignForm } from './CampaignForm.js';
import { CampaignHistory } from './CampaignHistory.js';
import { CampaignDaysView } from './plan/CampaignDaysView.js';
import { CampaignOutputPage } from './plan/CampaignOutputPage.js';
import { PlanPanel } from './plan/PlanPanel.js';
import { shiftsByDate } from '../state/campaign-plan.js';
import { useCampaignPlanPage } from './use-campaign-plan.js';
import './campaigns.css';

export interface CampaignsViewProps {
  user: Me;
  today: IsoDate;
  language: Language;
  onLanguage: (language: Language) => void;
  onLogout: () => void;
  onBack: () => void;
}

type Editing = { kind: 'new'; definition: CampaignDefinition } | { kind: 'existing'; id: number; version: number; definition: CampaignDefinition };

const STEP_ORDER: readonly CampaignStep[] = ['submit', 'approve', 'return', 'withdraw', 'activate', 'close'];
const TABS = ['definition', 'calendar', 'plan'] as const;
type Tab = (typeof TABS)[number];

/** Arrow keys, Home and End move between the tabs (WAI-ARIA tabs with automatic activation). */
function nextTab(current: Tab, key: string): Tab | null {
  const i = TABS.indexOf(current);
  if (key === 'ArrowRight') return TABS[(i + 1) % TABS.length];
  if (key === 'ArrowLeft') return TABS[(i - 1 + TABS.length) % TABS.length];
  if (key === 'Home') return TABS[0];
  if (key === 'End') return TABS[TABS.length - 1];
  return null;
}

/** 专项行动: the campaigns in scope, one of them open to read or edit, its lifecycle steps and its versions. */
export function CampaignsView({ user, today, onLanguage, onLogout, onBack }: CampaignsViewProps) {
  const { t, language } = useI18n();
  const [revision, setRevision] = useState(0);
  const list = useCampaigns(revision);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const versions = useCampaignVersions(selectedId, revision);
  const campaigns = [...(list.data?.campaigns ?? [])].sort(byUpdate);
  const selected = campaigns.find((c) => c.id === selectedId) ?? null;
  const [tab, setTab] = useState<Tab>('definition');
  const [calendarDay, setCalendarDay] = useState<string | null>(null);
  const onPlanned = useCallback(() => setRevision((r) => r + 1), []);
  const planPage = useCampaignPlanPage(selected, onPlanned);
  const districts = useDistricts();
  const canPlan = user.role !== 'wall';
  const districtChoices = user.districtCode ? [user.districtCode] : SHANGHAI_DISTRICT_NAMES.map((d) => d.code);

  const open = (campaign: Campaign) => {
    if (campaign.id !== selectedId) {
      setTab('definition');
      setCalendarDay(null);
    }
    setSelectedId(campaign.id);
    setEditing({ kind: 'existing', id: campaign.id, version: campaign.version, definition: campaign.definition });
    setFailure(null);
    setNote('');
  };
  const startNew = () => {
    setSelectedId(null);
    setTab('definition');
    setEditing({ kind: 'new', definition: newDefinition(today, user.districtCode) });
    setFailure(null);
  };

  async function run(work: () => Promise<Campaign>) {
    setPending(true);
    setFailure(null);
    try {
      const campaign = await work();
      setRevision((r) => r + 1);
      open(campaign);
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(String(error), 0, 'network'));
    } finally {
      setPending(false);
    }
  }

  const save = () => {
    if (!editing) return;
    void run(() => (editing.kind === 'new' ? createCampaign(editing.definition) : editCampaign(editing.id, editing.version, editing.definition)));
  };
  const step = (action: CampaignStep) => selected && void run(() => stepCampaign(selected.id, action, selected.version, note.trim() || undefined));

  const editable = editing?.kind === 'new' || (selected?.actions.includes('edit') ?? false);
  const issues = failure ? fieldIssues(failure.details) : {};
  const dirty = editing?.kind === 'existing' && selected && JSON.stringify(editing.definition) !== JSON.stringify(selected.definition);

  const onTabKey = (event: KeyboardEvent<HTMLElement>) => {
    const next = nextTab(tab, event.key);
    if (!next) return;
    event.preventDefault();
    setTab(next);
    document.getElementById(`campaign-tab-${next}`)?.focus();
  };

  if (selected && planPage.output) {
    const output = planPage.output;
    return (
      <CampaignOutputPage
        user={user}
        output={output}
        sheets={planPage.sheets}
        notice={planPage.notice}
        onDownloadPdf={() => (output.kind === 'dispatch' ? planPage.downloads.dispatchPdf(output.query) : Promise.resolve())}
        onDownloadCsv={planPage.downloads.noticeCsv}
        onBack={() => planPage.setOutput(null)}
        onLanguage={onLanguage}
        onLogout={onLogout}
      />
    );
  }

  return (
    <div className="campaigns-page" data-testid="campaigns-page">
      <TopBar user={user} onLanguage={onLanguage} onLogout={onLogout} />
      <main className="campaigns-main">
        <section className="panel campaigns-list" aria-labelledby="campaigns-title">
          <div className="campaigns-list__head">
            <button type="button" className="button button--ghost" onClick={onBack} data-testid="campaigns-back">
              ← {t('campaign.back')}
            </button>
            <h2 id="campaigns-title" className="panel__title">
              {t('campaign.title')}
            </h2>
            {canPlan && (
              <button type="button" className="button button--primary" onClick={startNew} data-testid="campaign-new">
                + {t('campaign.new')}
              </button>
            )}
          </div>
          {list.loading && !list.data && <p className="state-line" role="status"><span className="spinner" aria-hidden="true" /> {t('state.loading')}</p>}
          {list.error && (
            <p className="state-line state-line--error" role="alert">
              {t(errorMessage(list.error).key)}{' '}
              <button type="button" className="button button--small" onClick={list.retry}>{t('layers.retry')}</button>
            </p>
          )}
          {list.data && campaigns.length === 0 && <p className="state-line" data-testid="campaigns-empty">{t(canPlan ? 'campaign.emptyPlanner' : 'campaign.empty')}</p>}
          <ul className="campaigns-list__items">
            {campaigns.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className={`campaign-item${c.id === selectedId ? ' campaign-item--selected' : ''}`}
                  aria-current={c.id === selectedId ? 'true' : undefined}
                  onClick={() => open(c)}
                  data-testid={`campaign-item-${c.id}`}
                >
                  <span className="campaign-item__name">{c.definition.name}</span>
                  <span className={`status-chip status-chip--${c.status}`}>{t(`campaign.status.${c.status}` as MessageKey)}</span>
                  <span className="campaign-item__meta">
                    {t(`campaign.type.${c.definition.type}` as MessageKey)} · {c.definition.startsOn} – {c.definition.endsOn} · {t('campaign.version', { version: c.version })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>

        <section className="panel campaign-detail" aria-labelledby="campaign-detail-title" aria-busy={pending}>
          {!editing && <p className="state-line campaign-detail__hint">{t(canPlan ? 'campaign.pick' : 'campaign.pickReadOnly')}</p>}
          {editing && (
            <>
              <div className="campaign-detail__head">
                <h2 id="campaign-detail-title" className="panel__title">
                  {editing.kind === 'new' ? t('campaign.new') : editing.definition.name || t('campaign.untitled')}
                </h2>
                {selected && (
                  <span className={`status-chip status-chip--${selected.status}`} data-testid="campaign-status">
                    {t(`campaign.status.${selected.status}` as MessageKey)} · {t('campaign.version', { version: selected.version })}
                  </span>
                )}
                {selected && <span className="campaign-detail__days">{t('campaign.days', { days: selected.days.toLocaleString(language) })}</span>}
                {selected && planPage.plan.data && (
                  <a className="button button--small" href={reportSearch(selected.id, language)} data-testid="campaign-report-link">
                    {t('report.open')}
                  </a>
                )}
              </div>
              {selected && (
                <div className="campaign-tabs" role="tablist" aria-label={t('campaign.tabs')} onKeyDown={onTabKey}>
                  {TABS.map((id) => (
                    <button
                      key={id}
                      id={`campaign-tab-${id}`}
                      type="button"
                      role="tab"
                      aria-selected={tab === id}
                      aria-controls={`campaign-panel-${id}`}
                      tabIndex={tab === id ? 0 : -1}
                      className={`campaign-tab${tab === id ? ' campaign-tab--on' : ''}`}
                      onClick={() => setTab(id)}
                      data-testid={`campaign-tab-${id}`}
                    >
                      {t(`campaign.tab.${id}` as MessageKey)}
                    </button>
                  ))}
                </div>
              )}
              {selected && tab === 'calendar' && (
                <div id="campaign-panel-calendar" role="tabpanel" aria-labelledby="campaign-tab-calendar">
                  <CampaignDaysView
                    days={planPage.days}
                    shifts={shiftsByDate(planPage.plan.data, planPage.days.data?.days, selected.definition.shifts)}
                    planned={planPage.plan.data !== null || (planPage.days.data?.days.length ?? 0) > 0}
                    selectedDate={calendarDay}
                    onSelectDay={(day) => setCalendarDay(day.date)}
                  />
                </div>
              )}
              {selected && tab === 'plan' && (
                <div id="campaign-panel-plan" role="tabpanel" aria-labelledby="campaign-tab-plan">
                  <PlanPanel campaign={selected} page={planPage} districts={districts.data?.features ?? []} mayEdit={selected.actions.includes('edit')} />
                </div>
              )}
              {(!selected || tab === 'definition') && (
              <div id="campaign-panel-definition" role={selected ? 'tabpanel' : undefined} aria-labelledby={selected ? 'campaign-tab-definition' : undefined} className="campaign-definition">
              {selected?.returnNote && selected.status === 'draft' && <p className="notice notice--warn">{t('campaign.returned', { note: selected.returnNote })}</p>}
              {selected && (selected.status === 'approved' || selected.status === 'active') && editable && <p className="notice">{t('campaign.frozenHint')}</p>}
              <CampaignForm
                definition={editing.definition}
                editable={editable && !pending}
                districtChoices={districtChoices}
                issues={issues}
                onChange={(definition) => setEditing({ ...editing, definition })}
              />
              {failure && (
                <p className="notice notice--error" role="alert" data-testid="campaign-error">
                  {t(errorMessage(failure).key)}
                  {fieldsOf(issues).length > 0 && ` (${fieldsOf(issues).map((f) => t(`campaign.fieldName.${f}` as MessageKey)).join('、')})`}
                </p>
              )}
              <div className="campaign-detail__actions">
                {editable && (
                  <button type="button" className="button button--primary" disabled={pending || (editing.kind === 'existing' && !dirty)} onClick={save} data-testid="campaign-save">
                    {pending && <span className="spinner" aria-hidden="true" />} {t(editing.kind === 'new' ? 'campaign.create' : selected && selected.status !== 'draft' ? 'campaign.saveAsVersion' : 'campaign.save')}
                  </button>
                )}
                {selected &&
                  STEP_ORDER.filter((a) => selected.actions.includes(a)).map((action) => (
                    <button
                      key={action}
                      type="button"
                      className={`button${action === 'approve' ? ' button--primary' : ''}`}
                      disabled={pending || Boolean(dirty)}
                      title={dirty ? t('campaign.saveFirst') : undefined}
                      onClick={() => step(action)}
                      data-testid={`campaign-step-${action}`}
                    >
                      {t(`campaign.step.${action}` as MessageKey)}
                    </button>
                  ))}
                {selected && selected.actions.includes('return') && (
                  <label className="field field--wide">
                    <span>{t('campaign.note')}</span>
                    <input type="text" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} data-testid="campaign-note" />
                  </label>
                )}
              </div>
              {selected && versions.data && (
                <>
                  <h3 className="panel__subtitle">{t('campaign.history')}</h3>
                  <CampaignHistory versions={versions.data.versions} />
                </>
              )}
              </div>
              )}
            </>
          )}
        </section>
      </main>
    </div>
  );
}
