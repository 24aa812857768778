/** `HH:MM`, 24-hour, 00:00 to 23:59. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Minutes since midnight of a `HH:MM` time, or undefined when it is not one. */
export function minutesOfDay(time: string): number | undefined {
  if (!CLOCK_TIME.test(time)) return undefined;
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}
