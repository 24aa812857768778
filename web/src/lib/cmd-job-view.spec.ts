import {
  canCancel,
  canRetry,
  isFinished,
  isJobStatus,
  stepErrorNext,
  stepReach,
} from './cmd-job-view';

describe('job view', () => {
  it('offers cancel before the end and retry after a failure', () => {
    expect(canCancel('running')).toBe(true);
    expect(canCancel('waiting_approval')).toBe(true);
    expect(canCancel('succeeded')).toBe(false);
    expect(canRetry('failed')).toBe(true);
    expect(canRetry('cancelled')).toBe(false);
    expect(isFinished('cancelled')).toBe(true);
  });

  it('accepts the statuses of GET /jobs only', () => {
    expect(isJobStatus('waiting')).toBe(true);
    expect(isJobStatus('bogus')).toBe(false);
    expect(isJobStatus(null)).toBe(false);
  });

  it('says what to do about an error', () => {
    expect(stepErrorNext('connect ECONNREFUSED 127.0.0.1:25', 'failed')).toMatch(
      /could not be reached/,
    );
    expect(stepErrorNext('429 rate limit', 'failed')).toMatch(/Wait/);
    expect(stepErrorNext('Something odd', 'failed')).toMatch(/Retry the job/);
    expect(stepErrorNext('Something odd', 'running')).toMatch(/by itself/);
  });

  it('counts the prospects or emails a step works on', () => {
    const audience = { count: 43, recipients: 40 };
    const search = { action: 'search', reads: [], writes: ['prospects'] };
    const draft = { action: 'draft', reads: ['prospects'], writes: ['drafts'] };
    const exportStep = { action: 'export', reads: ['files'], writes: ['files'] };
    expect(stepReach(search, audience)).toBe('43 prospects');
    expect(stepReach(draft, audience)).toBe('40 emails to 40 prospects');
    expect(stepReach(exportStep, audience)).toBeUndefined();
    expect(stepReach(search, null)).toBeUndefined();
    expect(stepReach(draft, { count: 1, recipients: null })).toBe('1 prospect');
  });
});
