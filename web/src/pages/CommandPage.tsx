/** Command — to be built. */
export function CommandPage() {
  return (
    <section>
      <h1>Command</h1>
    </section>
  );
}
