/** Tasks — to be built. */
export function TasksPage() {
  return (
    <section>
      <h1>Tasks</h1>
    </section>
  );
}
