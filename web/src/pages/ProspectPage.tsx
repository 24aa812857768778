/** Prospect — to be built. */
export function ProspectPage() {
  return (
    <section>
      <h1>Prospect</h1>
    </section>
  );
}
