/** Exports — to be built. */
export function ExportsPage() {
  return (
    <section>
      <h1>Exports</h1>
    </section>
  );
}
