import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/index.js';

const KEYS: readonly { keys: string[]; what: 'move' | 'open' | 'dispatch' | 'filter' | 'help' | 'tab' }[] = [
  { keys: ['j', 'k', '↓', '↑'], what: 'move' },
  { keys: ['Enter'], what: 'open' },
  { keys: ['d'], what: 'dispatch' },
  { keys: ['/'], what: 'filter' },
  { keys: ['?', 'Esc'], what: 'help' },
  { keys: ['Tab'], what: 'tab' },
];

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="desk-dialog" role="dialog" aria-modal="true" aria-labelledby="desk-help-title" data-testid="desk-help">
      <div className="desk-dialog__box desk-dialog__box--small panel">
        <header className="desk-dialog__head">
          <h2 id="desk-help-title">{t('desk.help.title')}</h2>
          <button ref={close} type="button" className="button button--ghost button--small" onClick={onClose}>{t('desk.help.close')}</button>
        </header>
        <dl className="desk-keys">
          {KEYS.map((k) => (
            <div key={k.what} className="desk-keys__row">
              <dt>{k.keys.map((key) => <kbd key={key}>{key}</kbd>)}</dt>
              <dd>{t(`desk.help.${k.what}`)}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
