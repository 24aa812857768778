import { Link } from 'react-router';
import { useProspect } from '../hooks/seq-hooks';

/** A prospect's name (looked up and cached), or a neutral word while it loads. */
export function SeqProspectName({ id }: { id: string }) {
  const { data, isError } = useProspect(id);
  if (data) return <>{data.name}</>;
  return <>{isError ? 'Removed prospect' : 'Prospect'}</>;
}

/** A link to a prospect's page, named by the prospect. */
export function SeqProspectLink({ id }: { id: string | null | undefined }) {
  if (!id) return <span className="muted">—</span>;
  return (
    <Link to={`/prospects/${id}`}>
      <SeqProspectName id={id} />
    </Link>
  );
}
