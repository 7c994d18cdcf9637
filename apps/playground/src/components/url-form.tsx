import { type FormEvent, useState } from 'react';

/** Paste an image URL; the gateway fetches it. */
export function UrlForm({ onSubmit }: { onSubmit: (url: string) => void }) {
  const [url, setUrl] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (url.trim()) onSubmit(url.trim());
  };
  return (
    <form className="url-form" onSubmit={submit}>
      <label htmlFor="image-url">Image URL</label>
      <div className="inline">
        <input
          id="image-url"
          type="url"
          required
          placeholder="https://…/photo.jpg"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
        />
        <button type="submit">Analyze</button>
      </div>
    </form>
  );
}
