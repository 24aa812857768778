import { formatNumber } from '../lib/format';

export interface PagerProps {
  skip: number;
  limit: number;
  /** Rows on this page. */
  shown: number;
  total?: number;
  /** The total is a lower bound (the service stopped counting). */
  totalIsLowerBound?: boolean;
  onChange: (skip: number) => void;
}

/** Previous/next paging with "1–20 of 1,234". */
export function Pager({ skip, limit, shown, total, totalIsLowerBound, onChange }: PagerProps) {
  const from = shown === 0 ? 0 : skip + 1;
  const to = skip + shown;
  const hasNext = total === undefined ? shown === limit : totalIsLowerBound || to < total;
  const of =
    total === undefined ? '' : ` of ${totalIsLowerBound ? 'more than ' : ''}${formatNumber(total)}`;
  return (
    <nav className="pager" aria-label="Pages">
      <button
        type="button"
        disabled={skip === 0}
        onClick={() => onChange(Math.max(0, skip - limit))}
      >
        Previous
      </button>
      <span aria-live="polite">
        {formatNumber(from)}–{formatNumber(to)}
        {of}
      </span>
      <button type="button" disabled={!hasNext} onClick={() => onChange(skip + limit)}>
        Next
      </button>
    </nav>
  );
}
