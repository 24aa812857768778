import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout';
import { CommandPage } from './pages/CommandPage';

/**
 * Client routes, all below /app/ (the service answers index.html for each of them). The command
 * box (the home page) is in the first script; every other page is its own chunk, loaded when
 * first visited, so the first load stays small.
 */
export const router = createBrowserRouter(
  [
    {
      element: <Layout />,
      children: [
        { index: true, element: <CommandPage /> },
        {
          path: 'jobs',
          lazy: () => import('./pages/JobsPage').then((m) => ({ Component: m.JobsPage })),
        },
        {
          path: 'jobs/:jobId',
          lazy: () => import('./pages/JobPage').then((m) => ({ Component: m.JobPage })),
        },
        {
          path: 'approvals',
          lazy: () => import('./pages/ApprovalsPage').then((m) => ({ Component: m.ApprovalsPage })),
        },
        {
          path: 'prospects',
          lazy: () => import('./pages/ProspectsPage').then((m) => ({ Component: m.ProspectsPage })),
        },
        {
          path: 'prospects/import',
          lazy: () => import('./pages/ImportPage').then((m) => ({ Component: m.ImportPage })),
        },
        {
          path: 'prospects/:id',
          lazy: () => import('./pages/ProspectPage').then((m) => ({ Component: m.ProspectPage })),
        },
        {
          path: 'sequences',
          lazy: () => import('./pages/SequencesPage').then((m) => ({ Component: m.SequencesPage })),
        },
        {
          path: 'sequences/:id',
          lazy: () => import('./pages/SequencePage').then((m) => ({ Component: m.SequencePage })),
        },
        {
          path: 'enrollments/:id',
          lazy: () =>
            import('./pages/EnrollmentPage').then((m) => ({ Component: m.EnrollmentPage })),
        },
        {
          path: 'replies',
          lazy: () => import('./pages/RepliesPage').then((m) => ({ Component: m.RepliesPage })),
        },
        {
          path: 'tasks',
          lazy: () => import('./pages/TasksPage').then((m) => ({ Component: m.TasksPage })),
        },
        {
          path: 'outbox',
          lazy: () => import('./pages/OutboxPage').then((m) => ({ Component: m.OutboxPage })),
        },
        {
          path: 'suppressions',
          lazy: () =>
            import('./pages/SuppressionsPage').then((m) => ({ Component: m.SuppressionsPage })),
        },
        {
          path: 'exports',
          lazy: () => import('./pages/ExportsPage').then((m) => ({ Component: m.ExportsPage })),
        },
        {
          path: 'status',
          lazy: () => import('./pages/StatusPage').then((m) => ({ Component: m.StatusPage })),
        },
        {
          path: '*',
          lazy: () => import('./pages/NotFoundPage').then((m) => ({ Component: m.NotFoundPage })),
        },
      ],
    },
  ],
  { basename: '/app' },
);
