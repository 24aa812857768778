/**
 * The words the reply-intent heuristic looks for, in English, German, French and Spanish. They
 * match normalised text (see normaliseReply): lower case, no accents, plain apostrophes.
 */

/** Where quoted history starts: "On … wrote:", "Am … schrieb …:", "Le … a écrit :", ... */
export const QUOTE_ATTRIBUTION =
  /^(on .{1,200} wrote:|am .{1,200} schrieb .{0,200}:|le .{1,200} a [eé]crit ?:|el .{1,200} escribi[oó]:|-{2,} ?(original message|urspr[uü]ngliche nachricht|message d'origine|mensaje original) ?-{2,})$/i;

const PEOPLE =
  '(?:colleague|coworker|co-worker|boss|manager|team ?lead|teammate|team|assistant|partner|director|head of [a-z]+|ceo|cto|cfo|coo|cmo|vp)';

/** Interest said with a negation: a refusal, and never read as interest. */
export const NEGATED_INTEREST: readonly RegExp[] = [
  /\b(not|no longer|never|hardly|aren't|isn't|wasn't|weren't|am not|are not) (really |very |particularly |currently |at all |that |too )?interest(ed|ing)\b/,
  /\bno (real |further )?interest\b/,
  /\bnicht (mehr |sehr |wirklich |weiter )?interessi(ert|ant)\b/,
  /\bkein(e|en)? (weiteres |gro(ss|ß)es )?interesse\b/,
  /\bn(e |')(\S+ ){0,2}(\S*')?interess\S* pas\b/,
  /\bpas (tres |vraiment |du tout )?interess\S*/,
  /\b(aucun|pas d'|pas de|sans) ?interet\b/,
  /\bno (me|nos|les|le) interesa\b/,
  /\bno (estoy|estamos|esta|estan|soy|somos) (muy |realmente )?interesad[oa]s?\b/,
  /\b(sin|ningun) interes\b/,
];

/** A refusal. */
export const NOT_INTERESTED_CUES: readonly RegExp[] = [
  ...NEGATED_INTEREST,
  /\bno,? thank(s| you)\b/,
  /\bthanks?,? but no\b/,
  /\b(we're|we are|i'm|i am) (all set|covered|good for now|happy with)\b/,
  /\bnot (a )?(good |great |right )?fit\b/,
  /\bnot (for us|relevant|something we need)\b/,
  /\b(don't|do not|doesn't|does not) (need|want|have a need)\b/,
  /\bno need (for|at)\b/,
  /\b(we'll|we will|i'll|i will) pass\b/,
  /\bnot looking\b/,
  /\bnot in a position to\b/,
  /\b(signed|went|gone|going|decided to go) with (a|another|an other) (competitor|vendor|provider|solution|supplier)\b/,
  /^(no|nope|nah|nein|non)[.!]*$/,
  /\balready (have|use|using|work with|working with) (a|an|our|another|one|something|some|a similar)\b/,
  /\bkein bedarf\b/,
  /\bnein,? danke\b/,
  /\b(brauchen|benotigen) (wir |ich )?(das |so etwas |sowas )?nicht\b/,
  /\b(nicht relevant|passt nicht)\b/,
  /\b(haben|nutzen|verwenden) (bereits|schon) (ein|eine|einen|einer)\b/,
  /\bnon,? merci\b/,
  /\bpas besoin\b/,
  /\b(avons|utilisons) deja\b/,
  /\bno,? gracias\b/,
  /\bno (lo )?necesit(o|amos)\b/,
  /\b(ya tenemos|ya usamos)\b/,
];

/** A refusal firm enough to outweigh a date: "never", "stop", "don't contact me". */
export const STRONG_REFUSAL_CUES: readonly RegExp[] = [
  /\b(don't|do not|never|please stop|stop) (contact|email|e-mail|write|writ|message|call)/,
  /\bremove (me|us|my)\b/,
  /\b(unsubscribe|never again)\b/,
  /\b(keine|nie|niemals) (weiteren |mehr )?(e-?mails|nachrichten|kontakt)/,
  /\bbitte (nicht mehr|keine)\b/,
  /\bne (me |nous )?(contactez|ecrivez) plus\b/,
  /\bno (me|nos) (contacte|escriba)s?\b/,
  /\bnunca\b/,
  /^stop[.!]*$/,
  /\b(aus (dem|ihrem|ihren) verteiler|austragen|abmelden)\b/,
  /\b(desinscri|retirez-moi)/,
  /\b(darme de baja|dar de baja|denme de baja)\b/,
];

/** A put-off: not now, perhaps later. */
export const NOT_NOW_CUES: readonly RegExp[] = [
  /\bnot (right |just |for )?now\b/,
  /\bnot at (the|this) (moment|time|stage|point)\b/,
  /\bnot (this|until next) (year|quarter|month)\b/,
  /\bmaybe (later|next|in|after|once)\b/,
  /\b(next|following) (quarter|year|spring|summer|fall|autumn|winter|fiscal year|budget)\b/,
  /\b(in|after) (a few|a couple of|a couple|few|two|three|six|\d+) (weeks|months)\b/,
  /\b(later|end of|towards the end of) (this|the) (year|quarter|month)\b/,
  /\b(later this|early next) (year|quarter|month)\b/,
  /\b(circle|check|come) back\b/,
  /\b(reach out|contact me|contact us|ping me|try me|touch base|try again)( again)? (later|closer to|after the|in the new year)\b/,
  /\bq[1-4]\b/,
  /\bbusy (right now|at the moment|these days|until)\b/,
  /\bno budget (this|until|right now|at the moment|for now)\b/,
  /\b(bad|wrong) timing\b/,
  /\btiming (isn't|is not|isnt) (right|great|good|ideal)\b/,
  /\b(after|until) (the )?(holidays|summer|new year)\b/,
  /\b(derzeit|momentan|aktuell|im moment|zurzeit|gerade|jetzt) (noch )?(nicht|kein)/,
  /\bnachste(s|n)? (quartal|jahr|geschaftsjahr)\b/,
  /\bspater (im jahr|nochmal|noch einmal|wieder|gerne)\b/,
  /\bvielleicht spater\b/,
  /\bzu einem spateren zeitpunkt\b/,
  /\bin (ein paar|einigen|zwei|drei|sechs|\d+) (wochen|monaten)\b/,
  /\bnach (den ferien|dem sommer|dem jahreswechsel)\b/,
  /\bpas (pour le moment|maintenant|en ce moment|pour l'instant|cette annee)\b/,
  /\bplus tard\b/,
  /\b(trimestre|semestre) prochain\b/,
  /\bl'annee prochaine\b/,
  /\bdans (quelques|deux|trois|six|\d+) (semaines|mois)\b/,
  /\brecontacte[rz]\b/,
  /\bahora no\b/,
  /\b(por ahora|de momento|en este momento|por el momento) no\b/,
  /\bmas adelante\b/,
  /\b(el )?proximo (trimestre|ano)\b/,
  /\bel ano que viene\b/,
  /\b(dentro de|en) (unas|unos|dos|tres|seis|\d+) (semanas|meses)\b/,
];

/** "For now": turns a refusal into a put-off ("not interested at the moment"). */
export const TIMING_QUALIFIERS: readonly RegExp[] = [
  /\b(at the moment|right now|for now|at this time|at this point|currently|this year|this quarter)\b/,
  /\b(im moment|derzeit|momentan|zurzeit|aktuell|gerade|dieses jahr)\b/,
  /\b(pour le moment|pour l'instant|en ce moment|actuellement|cette annee)\b/,
  /\b(por ahora|de momento|en este momento|por el momento|actualmente|este ano)\b/,
];

/** The writer is not the one to answer. */
export const WRONG_PERSON_CUES: readonly RegExp[] = [
  /\bno longer (work|working|employed|with|at|part of|in charge|responsible|in this role|in that role|handle)/,
  /\b(i|he|she)('ve| have| has)? left (the company|the firm|the organi[sz]ation|[a-z0-9&.-]+ (in|last|a few|at the end|earlier))\b/,
  /\bwrong (person|contact|address|guy|department)\b/,
  /\bnot the (right|correct|best|appropriate) (person|contact)\b/,
  /\b(i'm|i am) not (responsible|in charge)\b/,
  /\b(i|we) (don't|do not) (handle|deal with|work on|look after) (this|that|these)\b/,
  /\b(i'm|i am|i have|i've) retired\b/,
  /\bnicht mehr (bei|fur|im unternehmen|tatig|im hause|im haus|zustandig)\b/,
  /\b(habe|hat) (das unternehmen|die firma) verlassen\b/,
  /\bfalsche(n)? (person|ansprechpartner|adresse|kontakt)\b/,
  /\bnicht (der|die) richtige\b/,
  /\bnicht zustandig\b/,
  /\bne (travaille|suis) plus\b/,
  /\b(a|ai) quitte (l'entreprise|la societe|l'entite)\b/,
  /\b(mauvaise|pas la bonne) personne\b/,
  /\bne suis pas (la bonne personne|le bon interlocuteur|responsable)\b/,
  /\bya no (trabajo|estoy|esta|trabaja)\b/,
  /\bpersona equivocada\b/,
  /\bno soy (la persona|el responsable|la responsable)\b/,
  /\b(he|ha) dejado la empresa\b/,
];

/** Someone else named to talk to instead. */
export const HANDOFF_CUES: readonly RegExp[] = [
  new RegExp(
    `\\b(reach out|talk|speak|write|get in touch|connect|follow up) (to|with) (my|our|the) ([a-z-]+ )?${PEOPLE}`,
  ),
  new RegExp(`\\b(?<!(n't|not|never) )(contact|email|e-mail|ask|try|ping) (my|our) ${PEOPLE}`),
  /\b(?<!(n't|not|never) )(contact|reach out to|email|e-mail|write to|talk to|speak to|speak with|get in touch with) (?!me\b|us\b|you\b|again\b|them\b)[a-z][a-z'-]+ (instead|directly|at|who|on|\(|- )/,
  /\b(the )?(right|best|better|correct) (person|contact|people) (is|are|would be|to (talk|speak) (to|with))\b/,
  /\b(he|she|they)('s| is| are|'re)? (the |a )?(right|best|better|correct) (person|contact)\b/,
  /\bforward(ed|ing)? (this|your (email|e-mail|message|note|mail)) (on )?to\b/,
  /\b(is|are) (responsible|in charge) (for|of) (this|that|these|marketing|sales|purchasing|it)\b/,
  /\b(wenden|melden) sie sich (bitte |gerne )?(an|bei)\b/,
  /\b(kontaktieren|schreiben) sie (bitte |gerne )?(an |meine?n?|unsere?n?|herrn?|frau)\b/,
  /\b(mein|meine|meinen|unser|unsere|unseren) (kolleg|vorgesetzt|chef|teamleit|einkauf)/,
  /\b(zustandig|verantwortlich) (ist|sind|ware|waren)\b/,
  /\bansprechpartner(in)? (ist|ware|dafur)\b/,
  /\b(weitergeleitet|leite (ihre |die |diese )?(e-?mail|nachricht|anfrage)? ?weiter)\b/,
  /\b(contactez|contacter|ecrivez a|adressez-vous a|voyez avec)\b/,
  /\b(mon|ma|notre) (collegue|responsable|manager|directeur|directrice)\b/,
  /\b(la bonne personne|le bon interlocuteur) (est|serait)\b/,
  /\b(transfere|transmis) (votre|ce|cet)\b/,
  /\b(contacte|contacta|escriba|escribe|hable|habla) (con|a) \S+/,
  /\b(mi|nuestro|nuestra) (companer[oa]|colega|jef[ea]|responsable)\b/,
  /\bla persona (adecuada|indicada|correcta) (es|seria)\b/,
  /\b(reenviado|reenvie|he reenviado)\b/,
];

/** A colleague copied in: a referral, unless the writer also asks to meet. */
export const CC_CUES: readonly RegExp[] = [
  /\b(cc'?d|cc'?ing|cc-ing|copied in|copying in|looping in|looped in|i've copied|i have copied|i copied)\b/,
  /\b(in cc|in kopie|en copie|en copia|cc:)/,
];

/** Words asking to write or talk to someone, which make an address in the text a referral. */
export const CONTACT_VERBS: readonly RegExp[] = [
  /\b(contact|reach|write|email|e-mail|talk|speak|ask|cc|forward|kontakt|wenden|schreiben|contactez|ecrivez|escrib|contact[ae]|habl)/,
];

/** Interest: wanting to talk, to see more, to know the price. */
export const INTEREST_CUES: readonly RegExp[] = [
  /\binterest(ed|ing)\b/,
  /\bsounds (good|great|interesting|promising)\b/,
  /\b(let's|let us|happy to|glad to|would love to|i'd love to|keen to|like to|open to) (talk|chat|meet|connect|hop on|set up|schedule|learn|hear|see|find a time|discuss)/,
  /\b(book|schedule|set up|arrange|find) (a |some )?(call|meeting|demo|time|chat|slot)\b/,
  /\b(send|share) (me |us |over )?(more |some |the |a |an )?(info|information|details|pricing|prices|deck|case stud|brochure|proposal|quote|overview)/,
  /\btell me more\b/,
  /\b(call|ring|phone) me\b/,
  /^(yes|yep|sure|ja|oui|si)[.!]*$/,
  /\b(rufen sie mich an|appelez-moi|llame?me)\b/,
  /\b(what|which) (times?|day|days|slot) (works|suit|are you)/,
  /\b(are you|i'm|i am|we are|we're) (free|available)\b/,
  /\b(my calendar|calendly|a demo|the demo)\b/,
  /\b(how much|pricing|what does it cost)\b/,
  /\b(yes,? please|count me in|let's do it|worth a (chat|call|conversation|look))\b/,
  /\binteressi(ert|ant)\b/,
  /\bklingt (gut|interessant|spannend|vielversprechend)\b/,
  /\bgerne?\b/,
  /\b(termin|telefonat|gesprach|call|demo) (vereinbaren|ausmachen|machen|finden)\b/,
  /\blassen sie uns (sprechen|telefonieren|reden)\b/,
  /\bmehr (infos|informationen|details)\b/,
  /\b(schicken|senden) sie (mir|uns)\b/,
  /\bwann (passt|haben sie zeit)\b/,
  /\b(ca|cela) m'interesse\b/,
  /\binteress(e|ee|es|ees|ant)\b/,
  /\b(avec plaisir|volontiers)\b/,
  /\b(un|une) (appel|rendez-vous|demo|reunion|echange)\b/,
  /\bplus d'informations\b/,
  /\benvoyez-(moi|nous)\b/,
  /\binteresad[oa]s?\b/,
  /\bme interesa\b/,
  /\bsuena (bien|interesante)\b/,
  /\bcon gusto\b/,
  /\b(una|un) (llamada|reunion|demo)\b/,
  /\bmas informacion\b/,
  /\b(enviame|envieme|hablemos)\b/,
];
