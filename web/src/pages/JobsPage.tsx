/** Jobs — to be built. */
export function JobsPage() {
  return (
    <section>
      <h1>Jobs</h1>
    </section>
  );
}
