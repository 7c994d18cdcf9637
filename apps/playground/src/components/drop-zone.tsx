import { type DragEvent, useState } from 'react';

/** A file input that is also a drop target; the file is uploaded with the query. */
export function DropZone({ onFile }: { onFile: (file: File) => void }) {
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <label
      className={over ? 'drop-zone over' : 'drop-zone'}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <input
        type="file"
        accept="image/*"
        className="visually-hidden"
        data-testid="file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
          event.target.value = ''; // choosing the same file again still triggers a run
        }}
      />
      <span className="drop-title">Drop an image here</span>
      <span className="muted">or press to choose a file</span>
    </label>
  );
}
