/**
 * What an import's name may be: 1–64 letters, digits, `_ . : -` (as a source). Shared by the
 * prospects agent, which validates it, and the offline planner, which reads "the X import".
 */
export const IMPORT_BATCH_NAME = /^[A-Za-z0-9_.:-]{1,64}$/;
