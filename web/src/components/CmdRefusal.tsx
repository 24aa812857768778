import type { CommandRefusal } from '../lib/cmd-refusal';

export interface CmdRefusalProps {
  refusal: CommandRefusal;
  onRephrase: () => void;
  /** Partly understood only: preview without the phrases named. */
  onIgnorePhrases?: () => void;
}

/** A refused command in plain words: what was not understood, and a way to rephrase it. */
export function CmdRefusal({ refusal, onRephrase, onIgnorePhrases }: CmdRefusalProps) {
  return (
    <div className="notice notice-error" role="alert">
      <strong>{refusal.title}</strong>
      {refusal.phrases.length > 0 ? (
        <ul>
          {refusal.phrases.map((phrase) => (
            <li key={phrase.words}>
              “{phrase.words}”{phrase.reason ? `: ${phrase.reason}` : ''}
              {phrase.suggestion ? ` Did you mean ${phrase.suggestion}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>{refusal.detail}</p>
      )}
      {refusal.problems.length > 0 && (
        <ul>
          {refusal.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <p className="muted">{refusal.next}</p>
      <div className="actions">
        <button type="button" className="button-primary" onClick={onRephrase}>
          Rephrase
        </button>
        {refusal.kind === 'partly_understood' && onIgnorePhrases && (
          <button type="button" onClick={onIgnorePhrases}>
            Preview without those words
          </button>
        )}
      </div>
    </div>
  );
}
