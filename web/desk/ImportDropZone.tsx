import { useId, useState, type DragEvent } from 'react';
import { useI18n } from '../i18n/index.js';
import './import-drop.css';

// The file: chosen with the file dialog (the label is the keyboard's way in) or dropped onto the zone.

export function ImportDropZone({ fileName, busy, onFile, accept = '.csv,text/csv', choose }: { fileName: string | null; busy: boolean; onFile: (file: File) => void; accept?: string; choose?: string }) {
  const { t } = useI18n();
  const id = useId();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <div
      className={`import-drop${over ? ' import-drop--over' : ''}`}
      data-testid="import-drop"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label htmlFor={id} className="button button--primary">{fileName ? t('import.another') : (choose ?? t('import.choose'))}</label>
      <input
        id={id}
        className="visually-hidden"
        type="file"
        accept={accept}
        data-testid="import-file"
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
      <span className="hint">{fileName ? t('import.chosen', { name: fileName }) : t('import.dropHint')}</span>
    </div>
  );
}
