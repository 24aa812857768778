/**
 * The API key for this browser session: kept in sessionStorage (gone when the tab's session
 * ends), sent only as an `Authorization: Bearer` header, never in a URL.
 */
const STORAGE_KEY = 'zigral.apiKey';
type Listener = () => void;
const listeners = new Set<Listener>();
let isKeyNeeded = false;

export function getApiKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function setApiKey(key: string): void {
  sessionStorage.setItem(STORAGE_KEY, key.trim());
  isKeyNeeded = false;
  emit();
}

export function clearApiKey(): void {
  sessionStorage.removeItem(STORAGE_KEY);
  emit();
}

/** Called on a 401 from the API: the app asks for a (new) key. */
export function notifyUnauthorized(): void {
  if (isKeyNeeded) return;
  isKeyNeeded = true;
  emit();
}

export function keyNeeded(): boolean {
  return isKeyNeeded;
}

export function subscribeApiKey(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(): void {
  for (const listener of listeners) listener();
}
