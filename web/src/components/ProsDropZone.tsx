import { useState } from 'react';

/** A CSV file by drag and drop onto the zone, or by the file button (keyboard). */
export function ProsDropZone({
  onFile,
  disabled,
}: {
  onFile: (file: File) => void;
  disabled?: boolean;
}) {
  const [over, setOver] = useState(false);
  return (
    <div
      className={`dropzone${over ? ' over' : ''}`}
      data-testid="pros-dropzone"
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer?.files?.[0];
        if (file && !disabled) onFile(file);
      }}
    >
      <p>Drag a CSV file here, or choose one.</p>
      <div className="field pros-file-field">
        <label htmlFor="pros-file">CSV file</label>
        <input
          id="pros-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          disabled={disabled}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onFile(file);
            event.target.value = '';
          }}
        />
      </div>
    </div>
  );
}
