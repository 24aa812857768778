import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiParam, ApiResponse } from '@nestjs/swagger';
import {
  ApiErrorExamples,
  ApiErrorResponses,
  ErrorResponseSpec,
} from '../../../common/decorators/api-docs.decorators';
import { JOB_EVENT_TYPES } from '../events/job-event-types';

/** The OpenAPI documentation shared by the routes of JobsController. */

/** No example: job ids are the server's, so "Try it out" asks for one (POST /command answers it). */
export const JOB_ID = ApiParam({
  name: 'job_id',
  description: 'The `job_id` POST /command or POST /jobs answered',
});
export const NOT_FOUND: ErrorResponseSpec = {
  status: 404,
  message: 'No job "3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55"',
};
export const conflict = (command: string, status: string): ErrorResponseSpec => ({
  status: 409,
  description: `The job is not in a status ${command} applies to`,
  message: `Job "3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55" is ${status}; ${command} does not apply`,
});
/** Approve and reject: not waiting for approval, or a decision came first (a race lost, a second click). */
export const ApiDecisionConflict = (command: string) =>
  ApiErrorExamples(
    {
      status: 409,
      description:
        'The job is not waiting for approval; `already_decided` when a decision came first: the ' +
        'message and `details` name the step, the decision, who (`by`, an API-key label) and when (`at`)',
    },
    [
      {
        error: 'already_decided',
        summary: 'Another client decided first',
        message:
          `Job "3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55" is queued; ${command} does not apply: ` +
          'step 1 was approved by "ops-alice" at 2026-11-24T10:05:00.000Z',
        details: { step: 1, decision: 'approved', by: 'ops-alice', at: '2026-11-24T10:05:00.000Z' },
      },
      {
        error: 'Conflict',
        summary: 'The job does not wait for approval',
        message: `Job "3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55" is running; ${command} does not apply`,
      },
    ],
  );

/** The SSE route's 200: the wire format, and each event with the fields of its data. */
const EVENT_STREAM = {
  'text/event-stream': {
    schema: {
      type: 'string',
      description:
        'Server-Sent Events: per event an `event:` line (its type), an `id:` line (increasing) and ' +
        "one `data:` line of JSON holding the event's fields and its time as `at`. The past events " +
        'come first, then new ones as they happen; the stream ends after `job_finished`. Types: ' +
        Object.entries(JOB_EVENT_TYPES)
          .map(([type, fields]) => `\`${type}\` (${fields})`)
          .join('; '),
    },
    example:
      'event: job_created\nid: 1\ndata: {"status":"queued","at":"2026-11-24T10:00:00.000Z"}\n\n' +
      'event: step_started\nid: 2\ndata: {"step":0,"agent":"prospects","action":"search","attempt":1,"runner":"host:4242:1a2b3c4d","at":"2026-11-24T10:00:00.010Z"}\n\n' +
      'event: step_succeeded\nid: 3\ndata: {"step":0,"summary":"Found 28 prospects","output_keys":["prospects"],"at":"2026-11-24T10:00:00.050Z"}\n\n' +
      'event: job_finished\nid: 4\ndata: {"status":"succeeded","at":"2026-11-24T10:00:00.051Z"}\n\n',
  },
};

/** GET /jobs/{id}/events: the stream, the Last-Event-ID header it resumes after, and its errors. */
export const ApiEventStream = () =>
  applyDecorators(
    ApiHeader({
      name: 'Last-Event-ID',
      required: false,
      description:
        'Resume after this event id (the `id:` of the last event received); 400 when not a non-negative integer',
      schema: { type: 'string', pattern: '^[0-9]{1,15}$', example: '3' },
    }),
    ApiResponse({ status: 200, description: 'The event stream', content: EVENT_STREAM }),
    ApiErrorResponses(
      {
        status: 400,
        message: 'Last-Event-ID must be the id of an event of the stream (a non-negative integer)',
      },
      NOT_FOUND,
    ),
  );
