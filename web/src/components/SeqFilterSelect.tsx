import { useId } from 'react';

export interface SeqFilterSelectProps {
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** The first option, for "no filter" (value ''); left out when undefined. */
  anyLabel?: string;
  onChange: (value: string) => void;
}

/** A labelled select that filters a list (applied at once). */
export function SeqFilterSelect({
  label,
  value,
  options,
  anyLabel,
  onChange,
}: SeqFilterSelectProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
