/** Available or not, in words and colour (never colour alone). */
export function SeqAvailability({ available }: { available: boolean }) {
  return (
    <span className={`badge ${available ? 'badge-good' : 'badge-bad'}`}>
      {available ? 'Available' : 'Not available'}
    </span>
  );
}
