/** Import prospects — to be built. */
export function ImportPage() {
  return (
    <section>
      <h1>Import prospects</h1>
    </section>
  );
}
