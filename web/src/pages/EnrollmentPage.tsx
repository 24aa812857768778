/** Enrollment — to be built. */
export function EnrollmentPage() {
  return (
    <section>
      <h1>Enrollment</h1>
    </section>
  );
}
