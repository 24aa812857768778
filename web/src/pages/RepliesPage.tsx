/** Replies — to be built. */
export function RepliesPage() {
  return (
    <section>
      <h1>Replies</h1>
    </section>
  );
}
