import { useState } from 'react';
import {
  activeFilterCount,
  SENIORITIES,
  seniorityLabel,
  type FilterChange,
  type ProsFilters,
  type TextFilter,
} from '../lib/pros-filters';
import { ProsDebouncedInput } from './ProsDebouncedInput';

const TEXT_FIELDS: ReadonlyArray<{ key: TextFilter; label: string; hint?: string }> = [
  { key: 'title', label: 'Title', hint: 'e.g. VP Sales; commas for several' },
  { key: 'company', label: 'Company' },
  { key: 'industry', label: 'Industry' },
  { key: 'department', label: 'Department' },
  { key: 'country', label: 'Country' },
  { key: 'exclude_country', label: 'Not in country' },
  { key: 'city', label: 'City' },
  { key: 'tag', label: 'Tag' },
];

const FLAG_LABELS = {
  never_emailed: { label: 'Emailed', yes: 'Never emailed', no: 'Emailed before' },
  opted_out: { label: 'Opt-out', yes: 'Opted out', no: 'Not opted out' },
} as const;

export interface ProsFilterFormProps {
  filters: ProsFilters;
  onChange: (change: FilterChange) => void;
  onClear: () => void;
}

/** The prospects table's filters: each change is sent to the URL (text after a short pause). */
export function ProsFilterForm({ filters, onChange, onClear }: ProsFilterFormProps) {
  const active = activeFilterCount(filters);
  // Folded on a phone (the search box stays), unless a filter is set.
  const [open, setOpen] = useState(
    () => active > 0 || window.matchMedia('(min-width: 641px)').matches,
  );
  return (
    <form
      className="pros-filters"
      role="search"
      aria-label="Filter prospects"
      onSubmit={(event) => event.preventDefault()}
    >
      <ProsDebouncedInput
        id="pros-q"
        label="Search"
        type="search"
        value={filters.text.q}
        hint="Words in the name, email, title or company"
        onCommit={(value) => onChange({ kind: 'text', key: 'q', value })}
      />
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>Filters{active > 0 ? ` (${active} set)` : ''}</summary>
        <div className="pros-filter-grid">
          {TEXT_FIELDS.map((field) => (
            <ProsDebouncedInput
              key={field.key}
              id={`pros-${field.key}`}
              label={field.label}
              hint={field.hint}
              value={filters.text[field.key]}
              onCommit={(value) => onChange({ kind: 'text', key: field.key, value })}
            />
          ))}
          <div className="field">
            <label htmlFor="pros-seniority">Seniority</label>
            <select
              id="pros-seniority"
              value={filters.seniority}
              onChange={(event) => onChange({ kind: 'seniority', value: event.target.value })}
            >
              <option value="">Any</option>
              {SENIORITIES.map((level) => (
                <option key={level} value={level}>
                  {seniorityLabel(level)}
                </option>
              ))}
            </select>
          </div>
          <ProsDebouncedInput
            id="pros-employees-min"
            label="Employees from"
            type="number"
            min={0}
            value={filters.numbers.employees_min?.toString() ?? ''}
            onCommit={(value) => onChange({ kind: 'number', key: 'employees_min', value })}
          />
          <ProsDebouncedInput
            id="pros-employees-max"
            label="Employees up to"
            type="number"
            min={0}
            value={filters.numbers.employees_max?.toString() ?? ''}
            onCommit={(value) => onChange({ kind: 'number', key: 'employees_max', value })}
          />
          <ProsDebouncedInput
            id="pros-min-score"
            label="Fit score at least"
            type="number"
            min={0}
            max={100}
            value={filters.numbers.min_score?.toString() ?? ''}
            onCommit={(value) => onChange({ kind: 'number', key: 'min_score', value })}
          />
          {(['never_emailed', 'opted_out'] as const).map((key) => (
            <div className="field" key={key}>
              <label htmlFor={`pros-${key}`}>{FLAG_LABELS[key].label}</label>
              <select
                id={`pros-${key}`}
                value={filters.flags[key]}
                onChange={(event) => onChange({ kind: 'flag', key, value: event.target.value })}
              >
                <option value="">Either</option>
                <option value="true">{FLAG_LABELS[key].yes}</option>
                <option value="false">{FLAG_LABELS[key].no}</option>
              </select>
            </div>
          ))}
          <div className="field">
            <label htmlFor="pros-sort">Sort by</label>
            <select
              id="pros-sort"
              value={filters.sort}
              onChange={(event) => onChange({ kind: 'sort', value: event.target.value })}
            >
              <option value="name">Name</option>
              <option value="-score">Best fit score first</option>
              <option value="score">Lowest fit score first</option>
            </select>
          </div>
        </div>
      </details>
      {active > 0 && (
        <button type="button" onClick={onClear}>
          Clear {active === 1 ? '1 filter' : `${active} filters`}
        </button>
      )}
    </form>
  );
}
