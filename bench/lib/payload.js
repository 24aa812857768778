'use strict';

/**
 * The context every benchmark request carries, and the entry shape the API returns, so the service,
 * the bare Nest route and the raw SQLite ceiling all move documents of the same size (~300 bytes).
 */
const CONTEXT_DATA = Object.freeze({
  command: 'Find VPs of Sales at SaaS companies in Germany with 50-500 employees',
  status: 'running',
  plan: ['search_companies', 'enrich_contacts', 'score_leads', 'draft_outreach'],
  params: { region: 'DE', seniority: 'VP', industry: 'software', limit: 50 },
  progress: { step: 2, of: 4, found: 37 },
});

const CONTEXT_JSON = JSON.stringify(CONTEXT_DATA);

/** A context entry as GET /context/:job_id returns it. */
function sampleEntry(jobId) {
  const now = new Date().toISOString();
  return {
    job_id: jobId,
    job_type: 'bench',
    context_data: CONTEXT_DATA,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

module.exports = { CONTEXT_DATA, CONTEXT_JSON, sampleEntry };
