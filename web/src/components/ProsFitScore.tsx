import type { Schemas } from '../api/client';

/** A fit score as a number with a word (never colour alone); a dash when never scored. */
export function ProsFitScore({ fit }: { fit: Schemas['FitScoreDto'] | null | undefined }) {
  if (!fit) return <span className="muted">Not scored</span>;
  const [tone, word] =
    fit.score >= 70 ? ['good', 'strong'] : fit.score >= 40 ? ['warn', 'fair'] : ['bad', 'weak'];
  return (
    <span className={`badge badge-${tone}`}>
      {fit.score} · {word}
    </span>
  );
}
