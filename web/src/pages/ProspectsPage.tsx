/** Prospects — to be built. */
export function ProspectsPage() {
  return (
    <section>
      <h1>Prospects</h1>
    </section>
  );
}
