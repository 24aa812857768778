/** Outbox — to be built. */
export function OutboxPage() {
  return (
    <section>
      <h1>Outbox</h1>
    </section>
  );
}
