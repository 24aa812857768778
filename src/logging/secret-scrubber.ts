const REDACTED = '[REDACTED]';

/**
 * Builds a function that replaces every occurrence of the given secrets in a serialized log line.
 * Header-level redaction (pino `redact`) covers known fields; this catches a configured key that
 * slipped into a message or an error. Secrets are JSON-escaped first, as they appear in the line.
 */
export function createSecretScrubber(secrets: string[]): (line: string) => string {
  const needles = [...new Set(secrets.filter((secret) => secret.length > 0))]
    .map((secret) => JSON.stringify(secret).slice(1, -1))
    .sort((a, b) => b.length - a.length);
  if (needles.length === 0) return (line) => line;
  return (line) => {
    let scrubbed = line;
    for (const needle of needles) {
      if (scrubbed.includes(needle)) scrubbed = scrubbed.split(needle).join(REDACTED);
    }
    return scrubbed;
  };
}
