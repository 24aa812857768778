import { useState, useSyncExternalStore, type FormEvent, type ReactNode } from 'react';
import { keyNeeded, setApiKey, subscribeApiKey } from './api-key';

/**
 * Asks for the API key when the service answers 401 (API_KEYS is set), once per browser session.
 * The rest of the app stays mounted behind it and refetches once a key is entered.
 */
export function KeyGate({ children, onKey }: { children: ReactNode; onKey: () => void }) {
  const needed = useSyncExternalStore(subscribeApiKey, keyNeeded);
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) return;
    setApiKey(value);
    setValue('');
    onKey();
  };
  if (!needed) return <>{children}</>;
  return (
    <main id="main" className="key-gate">
      <h1>Zigral needs an API key</h1>
      <p>
        This service has <code>API_KEYS</code> set. Enter one of its keys: it is kept for this
        browser session only and sent as a header, never in a link.
      </p>
      <form onSubmit={submit}>
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          autoFocus
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit" className="button-primary">
          Continue
        </button>
      </form>
    </main>
  );
}
