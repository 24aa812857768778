import type { Schemas } from '../api/client';
import { formatNumber } from '../lib/format';
import { describeStep, formatRate, type SeqStep } from '../lib/seq-describe';

export interface SeqStepStatsProps {
  steps: ReadonlyArray<Schemas['SequenceDetailDto']['steps'][number]>;
  stats: ReadonlyArray<Schemas['StepStatsDto']>;
}

/** Each step with who is at it now and what its touch brought back. */
export function SeqStepStats({ steps, stats }: SeqStepStatsProps) {
  return (
    <div className="table-wrap">
      <table className="seq-table seq-steps">
        <caption className="seq-sr-only">Steps with their counts</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Step</th>
            <th scope="col">At it now</th>
            <th scope="col">Done</th>
            <th scope="col">Sent</th>
            <th scope="col">Replies</th>
            <th scope="col">Reply rate</th>
            <th scope="col">Bounces</th>
            <th scope="col">Unsubscribes</th>
            <th scope="col">Meetings</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step, index) => {
            const stat = stats.find((candidate) => candidate.index === index);
            const isEmail = step.type === 'email';
            return (
              <tr key={index} data-testid={`step-${index + 1}`}>
                <th scope="row">{index + 1}</th>
                <td>{describeStep(step as SeqStep)}</td>
                <td>{formatNumber(stat?.due)}</td>
                <td>{formatNumber(stat?.finished)}</td>
                <td>{isEmail ? formatNumber(stat?.sent) : '—'}</td>
                <td>{isEmail ? formatNumber(stat?.replied) : '—'}</td>
                <td>{formatRate(stat?.reply_rate)}</td>
                <td>{isEmail ? formatNumber(stat?.bounced) : '—'}</td>
                <td>{isEmail ? formatNumber(stat?.unsubscribed) : '—'}</td>
                <td>{isEmail ? formatNumber(stat?.meeting_booked) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
