/** Sequences — to be built. */
export function SequencesPage() {
  return (
    <section>
      <h1>Sequences</h1>
    </section>
  );
}
