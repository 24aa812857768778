import { useQuery } from '@tanstack/react-query';
import { NavLink, Outlet } from 'react-router';
import { api, unwrap } from '../api/client';

/** The app's sections, in the order of a sales user's day. */
export const SECTIONS: ReadonlyArray<{ to: string; label: string }> = [
  { to: '/', label: 'Command' },
  { to: '/jobs', label: 'Jobs' },
  { to: '/approvals', label: 'Approvals' },
  { to: '/prospects', label: 'Prospects' },
  { to: '/sequences', label: 'Sequences' },
  { to: '/replies', label: 'Replies' },
  { to: '/tasks', label: 'Tasks' },
  { to: '/outbox', label: 'Outbox' },
  { to: '/suppressions', label: 'Suppressions' },
  { to: '/exports', label: 'Exports' },
  { to: '/status', label: 'Status' },
];

/** Jobs waiting for a human, for the Approvals link (polled: the queue is the day's to-do list). */
function useWaitingCount(): number | undefined {
  const { data } = useQuery({
    queryKey: ['jobs', 'waiting_approval', 'count'],
    queryFn: () =>
      unwrap(api.GET('/jobs', { params: { query: { status: 'waiting_approval', limit: 1 } } })),
    refetchInterval: 15_000,
  });
  return data?.total;
}

export function Layout() {
  const waiting = useWaitingCount();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Zigral</span>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map((section) => (
              <li key={section.to}>
                <NavLink to={section.to} end={section.to === '/'}>
                  {section.label}
                  {section.to === '/approvals' && waiting ? (
                    <span className="count" aria-label={`, ${waiting} waiting`}>
                      {' '}
                      {waiting}
                    </span>
                  ) : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
