import { useRef, type ReactNode } from 'react';

export interface ConfirmButtonProps {
  label: string;
  /** The question in the dialog, e.g. "Send 12 emails now?" */
  question: ReactNode;
  confirmLabel?: string;
  tone?: 'primary' | 'danger';
  disabled?: boolean;
  onConfirm: () => void;
}

/** A button that asks first, in a native modal <dialog> (focus is trapped and Esc cancels). */
export function ConfirmButton(props: ConfirmButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const tone = props.tone ?? 'primary';
  return (
    <>
      <button
        type="button"
        className={`button-${tone}`}
        disabled={props.disabled}
        onClick={() => dialog.current?.showModal()}
      >
        {props.label}
      </button>
      <dialog ref={dialog} className="confirm" aria-label={props.label}>
        <form method="dialog">
          <p>{props.question}</p>
          <div className="actions">
            <button value="cancel" autoFocus>
              Cancel
            </button>
            <button value="confirm" className={`button-${tone}`} onClick={() => props.onConfirm()}>
              {props.confirmLabel ?? props.label}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
