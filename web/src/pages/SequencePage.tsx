/** Sequence — to be built. */
export function SequencePage() {
  return (
    <section>
      <h1>Sequence</h1>
    </section>
  );
}
