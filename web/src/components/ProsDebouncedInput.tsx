import { useEffect, useRef, useState } from 'react';

export interface ProsDebouncedInputProps {
  id: string;
  label: string;
  value: string;
  onCommit: (value: string) => void;
  delayMs?: number;
  type?: 'text' | 'search' | 'number';
  placeholder?: string;
  hint?: string;
  min?: number;
  max?: number;
}

/**
 * A labelled input that tells its value ~250 ms after the last keystroke (Enter tells at once),
 * and follows its `value` when it changes from outside (back button, clear).
 */
export function ProsDebouncedInput(props: ProsDebouncedInputProps) {
  const { value, onCommit, delayMs = 250 } = props;
  const [text, setText] = useState(value);
  const committed = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The latest callback: a pending timer must not apply a change to an older view.
  const latest = useRef(onCommit);
  useEffect(() => {
    latest.current = onCommit;
  }, [onCommit]);

  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (next: string) => {
    clearTimeout(timer.current);
    if (next === committed.current) return;
    committed.current = next;
    latest.current(next);
  };
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        value={text}
        placeholder={props.placeholder}
        min={props.min}
        max={props.max}
        inputMode={props.type === 'number' ? 'numeric' : undefined}
        aria-describedby={hintId}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(next), delayMs);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(text);
        }}
        onBlur={() => commit(text)}
      />
      {props.hint && (
        <span id={hintId} className="muted small">
          {props.hint}
        </span>
      )}
    </div>
  );
}
