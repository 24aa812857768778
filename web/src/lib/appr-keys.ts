/** The approval queue's keyboard shortcuts: which key does what, and when keys are left alone. */
export type QueueCommand = 'next' | 'previous' | 'approve' | 'reject' | 'edit' | 'open';

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The element the key was pressed in (event.target). */
  target?: { tagName?: string; isContentEditable?: boolean; type?: string } | null;
}

const COMMANDS: Record<string, QueueCommand> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  a: 'approve',
  r: 'reject',
  e: 'edit',
  Enter: 'open',
};

/** The legend shown on the page, in the order it is read. */
export const SHORTCUT_LEGEND: ReadonlyArray<{ keys: string[]; what: string }> = [
  { keys: ['j', '↓'], what: 'next item' },
  { keys: ['k', '↑'], what: 'previous item' },
  { keys: ['Enter'], what: 'open the item' },
  { keys: ['a'], what: 'approve (asks first)' },
  { keys: ['r'], what: 'reject (asks first)' },
  { keys: ['e'], what: 'edit the first email' },
];

/** True while the user types: in a field, a text area, a select or editable content. */
export function isTyping(target: KeyLike['target']): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/**
 * The queue command of a key press, or null: none while typing or with a modifier, and Enter
 * only outside buttons and links (which handle Enter themselves).
 */
export function queueCommand(event: KeyLike): QueueCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTyping(event.target)) return null;
  const command = COMMANDS[event.key];
  if (!command) return null;
  const tag = (event.target?.tagName ?? '').toUpperCase();
  if (command === 'open' && (tag === 'BUTTON' || tag === 'A')) return null;
  return command;
}

/** The index `command` moves to in a list of `count` items (stays inside the list). */
export function moveSelection(index: number, count: number, command: QueueCommand): number {
  if (count === 0) return -1;
  if (command === 'next') return Math.min(count - 1, index + 1);
  if (command === 'previous') return Math.max(0, index - 1);
  return Math.min(Math.max(index, 0), count - 1);
}
