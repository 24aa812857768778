/** Status — to be built. */
export function StatusPage() {
  return (
    <section>
      <h1>Status</h1>
    </section>
  );
}
