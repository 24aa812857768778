// The verbs that lead a clause of a command. The offline planner maps the first kind to actions;
// the second kind are actions it knows it cannot map, so a clause they lead is refused rather than
// dropped. Words that also name a department, industry or role ("design", "support", "lead",
// "clean energy", "book publishing", "forward-thinking") are left out of the second list: a verb
// there would refuse a list of criteria.

/** Regex source: the verbs of clauses the planner maps ("find", "score", "draft", "export"…). */
export const MAPPED_VERBS =
  'find|search|look|pull|source|identify|get|give|show|build|list|import|upload|load|research|' +
  'enrich|summari[sz]e|score|rank|qualify|prioriti[sz]e|rate|draft|write|compose|prepare|create|' +
  'generate|craft|personali[sz]e|send|email|reach|contact|export|download|save|put|keep|filter';

/** Imperative verbs of actions no agent step does: "delete them", "translate the emails". */
export const UNMAPPED_VERBS = [
  'add',
  'analyse',
  'analyze',
  'approve',
  'archive',
  'assign',
  'attach',
  'cancel',
  'categorise',
  'categorize',
  'check',
  'compare',
  'convert',
  'count',
  'crawl',
  'de-dupe',
  'dedupe',
  'deduplicate',
  'delete',
  'edit',
  'erase',
  'exclude',
  'fix',
  'follow',
  'ignore',
  'invite',
  'merge',
  'modify',
  'monitor',
  'move',
  'notify',
  'omit',
  'organise',
  'organize',
  'purge',
  'reject',
  'remind',
  'remove',
  'rename',
  'reply',
  'respond',
  'restore',
  'revert',
  'schedule',
  'scrape',
  'share',
  'skip',
  'tag',
  'track',
  'translate',
  'undo',
  'unsubscribe',
  'update',
  'validate',
  'verify',
];
