/** Suppressions — to be built. */
export function SuppressionsPage() {
  return (
    <section>
      <h1>Suppressions</h1>
    </section>
  );
}
