import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        This address is not a page of the app. <Link to="/">Go to the command box</Link>.
      </p>
    </section>
  );
}
