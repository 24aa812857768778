/** The columns of an outbox message its send key is made from. */
export interface SendKeySource {
  prospectId: string;
  enrollmentId: string | null;
  touchIndex: number | null;
}

/** A sequence touch's exactly-once key: one per enrollment and touch, whoever sends it. */
export function touchSendKey(enrollmentId: string, touchIndex: number): string {
  return `${enrollmentId}:${touchIndex}`;
}

/**
 * The exactly-once key of a message (its Message-ID derives from it): a sequence touch's own
 * key, also when a job's send step hands it over, so a touch can never go out under two keys;
 * `{send step key}:{prospect id}` for a job's draft.
 */
export function sendKeyOf(message: SendKeySource, sendStepKey: string): string {
  if (message.enrollmentId !== null && message.touchIndex !== null) {
    return touchSendKey(message.enrollmentId, message.touchIndex);
  }
  return `${sendStepKey}:${message.prospectId}`;
}
