import {
  Admission,
  AdmittedCall,
  admissionDelay,
  isWithinBudget,
  JobBudget,
  LimiterClock,
  LimiterLimits,
  LlmRateLimiter,
  SYSTEM_CLOCK,
  WINDOW_MS,
} from './llm-rate-limiter';

/** Where a job's recorded tokens are read: the usage ledger. */
export interface TokenLedger {
  totalTokens(jobId: string): Promise<number>;
}

/** An admitted call kept in memory, with the job whose budget its estimate holds until settled. */
interface RunningCall extends AdmittedCall {
  jobId?: string;
  running: boolean;
}

/** The limiter of one process (SQLite): the calls of the last minute are counted in memory. */
export class InProcessLlmRateLimiter extends LlmRateLimiter {
  private calls: RunningCall[] = [];
  /** Calls admitted and not settled yet, per job: their estimates count against its budget. */
  private readonly running = new Map<string, Set<RunningCall>>();
  private pausedUntil = 0;

  constructor(
    limits: LimiterLimits,
    private readonly ledger: TokenLedger,
    clock: LimiterClock = SYSTEM_CLOCK,
  ) {
    super(limits, clock);
  }

  async pauseFor(ms: number): Promise<void> {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  protected async tryAdmit(tokens: number, job: JobBudget | undefined): Promise<Admission> {
    if (job && job.budget > 0) {
      const used = await this.ledger.totalTokens(job.jobId);
      let reserved = 0;
      for (const call of this.running.get(job.jobId) ?? []) reserved += call.tokens;
      if (!isWithinBudget({ used, reserved, budget: job.budget })) {
        return { kind: 'over_budget', used, reserved };
      }
    }
    const now = this.clock.now();
    this.calls = this.calls.filter((call) => call.at > now - WINDOW_MS);
    const delay = admissionDelay({
      now,
      calls: this.calls,
      tokens,
      pausedUntil: this.pausedUntil,
      requestsPerMinute: this.limits.requestsPerMinute,
      tokensPerMinute: this.limits.tokensPerMinute,
    });
    if (delay > 0) return { kind: 'wait', ms: delay };
    const call: RunningCall = { at: now, tokens, jobId: job?.jobId, running: true };
    this.calls.push(call);
    if (job) this.running.set(job.jobId, (this.running.get(job.jobId) ?? new Set()).add(call));
    return {
      kind: 'admitted',
      reservation: { settle: async (actual) => this.settle(call, actual) },
    };
  }

  private settle(call: RunningCall, actualTokens: number): void {
    call.tokens = actualTokens;
    if (!call.running || call.jobId === undefined) return;
    call.running = false;
    const calls = this.running.get(call.jobId);
    calls?.delete(call);
    if (calls?.size === 0) this.running.delete(call.jobId);
  }
}
