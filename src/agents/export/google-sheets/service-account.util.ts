/** The fields of a Google service account key that authentication uses. */
export interface ServiceAccountKey {
  client_email: string;
  private_key: string;
  /** The OAuth token endpoint; Google's own when absent. */
  token_uri?: string;
}

export type ServiceAccountResult =
  { ok: true; key: ServiceAccountKey } | { ok: false; reason: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Checks the text of a service account key file. Reasons name the field, never its value. The
 * token endpoint must be https (plain http only on loopback, for local fakes): the signed
 * assertion sent to it is worth an access token.
 */
export function parseServiceAccount(text: string): ServiceAccountResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not valid JSON' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, reason: 'it is not a JSON object' };
  }
  const fields = json as Record<string, unknown>;
  if (fields.type !== undefined && fields.type !== 'service_account') {
    return { ok: false, reason: 'its "type" is not "service_account"' };
  }
  if (typeof fields.client_email !== 'string' || !fields.client_email.includes('@')) {
    return { ok: false, reason: '"client_email" is missing' };
  }
  if (typeof fields.private_key !== 'string' || !fields.private_key.includes('PRIVATE KEY')) {
    return { ok: false, reason: '"private_key" is missing or not a PEM key' };
  }
  const tokenUri = fields.token_uri;
  if (tokenUri !== undefined && (typeof tokenUri !== 'string' || !isSafeTokenUri(tokenUri))) {
    return { ok: false, reason: '"token_uri" must be an https URL' };
  }
  return {
    ok: true,
    key: {
      client_email: fields.client_email,
      private_key: fields.private_key,
      token_uri: tokenUri as string | undefined,
    },
  };
}

function isSafeTokenUri(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
  );
}

/** GOOGLE_SERVICE_ACCOUNT_JSON holds the JSON itself when it starts with `{`, else a file path. */
export function isInlineServiceAccount(value: string): boolean {
  return value.trimStart().startsWith('{');
}
