import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout';
import { ApprovalsPage } from './pages/ApprovalsPage';
import { CommandPage } from './pages/CommandPage';
import { EnrollmentPage } from './pages/EnrollmentPage';
import { ExportsPage } from './pages/ExportsPage';
import { ImportPage } from './pages/ImportPage';
import { JobPage } from './pages/JobPage';
import { JobsPage } from './pages/JobsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OutboxPage } from './pages/OutboxPage';
import { ProspectPage } from './pages/ProspectPage';
import { ProspectsPage } from './pages/ProspectsPage';
import { RepliesPage } from './pages/RepliesPage';
import { SequencePage } from './pages/SequencePage';
import { SequencesPage } from './pages/SequencesPage';
import { StatusPage } from './pages/StatusPage';
import { SuppressionsPage } from './pages/SuppressionsPage';
import { TasksPage } from './pages/TasksPage';

/** Client routes, all below /app/ (the service answers index.html for each of them). */
export const router = createBrowserRouter(
  [
    {
      element: <Layout />,
      children: [
        { index: true, element: <CommandPage /> },
        { path: 'jobs', element: <JobsPage /> },
        { path: 'jobs/:jobId', element: <JobPage /> },
        { path: 'approvals', element: <ApprovalsPage /> },
        { path: 'prospects', element: <ProspectsPage /> },
        { path: 'prospects/import', element: <ImportPage /> },
        { path: 'prospects/:id', element: <ProspectPage /> },
        { path: 'sequences', element: <SequencesPage /> },
        { path: 'sequences/:id', element: <SequencePage /> },
        { path: 'enrollments/:id', element: <EnrollmentPage /> },
        { path: 'replies', element: <RepliesPage /> },
        { path: 'tasks', element: <TasksPage /> },
        { path: 'outbox', element: <OutboxPage /> },
        { path: 'suppressions', element: <SuppressionsPage /> },
        { path: 'exports', element: <ExportsPage /> },
        { path: 'status', element: <StatusPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: '/app' },
);
