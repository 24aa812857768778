/** A pattern for whole words (JavaScript's \b does not know letters like é or ü). */
function words(alternatives: string, flags: string): RegExp {
  return new RegExp(`(?<![\\p{L}])(?:${alternatives})(?![\\p{L}])`, flags);
}

/** Requests to be removed, in English, German, French and Spanish. */
const OPT_OUT = words(
  [
    'unsubscribe|opt(?:[- ])?out|remove me|take me off|stop (?:e-?mailing|mailing|contacting|sending|writing)',
    "(?:do not|don't|never) (?:e-?mail|contact|write to|message) me",
    'no (?:more|further) (?:e-?mails|messages|mails)',
    'austragen|abmelden|abbestellen|keine (?:weiteren )?(?:e-?mails|nachrichten|mails) mehr',
    'nicht mehr (?:kontaktieren|anschreiben|schreiben|anrufen)|aus (?:ihrem|dem|eurem|deinem) verteiler',
    'd[ée]sinscri(?:re|vez|ption)|d[ée]sabonne(?:r|ment|z)|ne plus recevoir|ne me (?:contactez|[ée]crivez) plus',
    'retirez[- ]moi|supprimez[- ]moi|arr[êe]tez de m',
    'dar(?:me|se)? de baja|no (?:quiero|deseo) recibir|dejen de (?:enviarme|escribirme)|elim[ií]n(?:en|ar)me',
    'no me (?:contacten|escriban) m[áa]s',
  ].join('|'),
  'giu',
);

/** A negation shortly before the request in the same clause: "I don't want to unsubscribe". */
const NEGATION = words(
  "not|don't|dont|do not|never|no need|won't|wouldn't|nicht|kein|keine|nie|pas|jamais|no|nunca",
  'iu',
);

/** "remove me from the CC": the person hands the thread on rather than refusing contact. */
const REDIRECT_AFTER =
  /^\s+(?:(?:from|off)\s+)?(?:the\s+|this\s+)?(?:cc|bcc|copy|loop|thread|conversation|email chain|chain)\b/i;

/** A whole message that is only a one-word request ("STOP", "Unsubscribe."). */
const ONE_WORD = /^\s*(?:stop|unsubscribe|remove|abmelden|austragen|baja)\s*[.!]*\s*$/i;

const NEGATION_WINDOW = 40;

/** Whether a request at this match is negated or redirected, judged within its own clause. */
function isCancelled(text: string, index: number, length: number): boolean {
  const before = text.slice(Math.max(0, index - NEGATION_WINDOW), index);
  const clause = before.split(/[,.;:!?\n]/).pop() ?? '';
  return NEGATION.test(clause) || REDIRECT_AFTER.test(text.slice(index + length));
}

/**
 * Whether a person's new text asks to be removed from the mailing. A request counts unless it
 * is negated in its clause ("I don't want to unsubscribe, tell me more") or redirects the thread
 * ("remove me from the CC and add my colleague": a reply the intake should see). Give it the new
 * text only: the quoted history carries the sender's own unsubscribe footer.
 */
export function isOptOutRequest(text: string): boolean {
  if (ONE_WORD.test(text)) return true;
  for (const match of text.matchAll(OPT_OUT)) {
    if (!isCancelled(text, match.index ?? 0, match[0].length)) return true;
  }
  return false;
}
