import { Injectable } from '@nestjs/common';
import { IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { Clock } from '../../common/time/clock';
import { Action, Agent } from '../../orchestrator/agents/agent.decorators';
import type { ActionResult } from '../../orchestrator/agents/agent.types';

/** The longest pause `core.wait` allows: 30 days. */
export const MAX_WAIT_SECONDS = 30 * 24 * 3600;

export class SetContextParams {
  @JSONSchema({ description: 'Keys and values to merge into the job state' })
  @IsObject()
  values: Record<string, unknown>;
}

export class ReviewParams {
  @JSONSchema({ description: 'What the reviewer should check' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  message?: string;
}

export class WaitParams {
  @JSONSchema({ description: `Seconds to pause, 1 to ${MAX_WAIT_SECONDS} (30 days)` })
  // The type decorator goes first: for the JSON Schema, the topmost decorator's type wins.
  @IsInt()
  @Min(1)
  @Max(MAX_WAIT_SECONDS)
  seconds: number;
}

/** Job plumbing every plan may use. */
@Injectable()
@Agent({ name: 'core', description: 'Job plumbing: put values into the job state, pause' })
export class CoreAgent {
  constructor(private readonly clock: Clock) {}

  @Action({
    name: 'set_context',
    description: 'Merges the given values into the job state, for later steps to read',
    params: SetContextParams,
    writes: (params) => Object.keys(params.values),
  })
  setContext(params: SetContextParams): Promise<ActionResult> {
    const keys = Object.keys(params.values);
    return Promise.resolve({
      writes: params.values,
      summary: `Set ${keys.join(', ') || 'nothing'}`,
    });
  }

  @Action({
    name: 'review',
    description:
      'Pauses the job until a human approves it (POST /jobs/{id}/approve): a review gate before an export, a send, or anything else',
    params: ReviewParams,
    requiresApproval: true,
  })
  review(params: ReviewParams): Promise<ActionResult> {
    return Promise.resolve({
      summary: params.message ? `Approved: ${params.message}` : 'Approved',
    });
  }

  @Action({
    name: 'wait',
    description:
      'Pauses the job for a number of seconds, up to 30 days: the job is `waiting` until then, holds no runner slot, and survives restarts',
    params: WaitParams,
  })
  wait(params: WaitParams): Promise<ActionResult> {
    // The injected clock's time, as the runner compares wake-up times with it.
    const wakeAt = new Date(this.clock.now().getTime() + params.seconds * 1000);
    return Promise.resolve({
      summary: `Waits ${params.seconds} s, until ${wakeAt.toISOString()}`,
      wakeAt,
    });
  }
}
