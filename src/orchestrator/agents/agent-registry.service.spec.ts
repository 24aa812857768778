import { Clock } from '../../common/time/clock';
import { SystemClock } from '../../common/time/system.clock';
import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { IsString } from 'class-validator';
import { CoreAgent } from '../../agents/core/core.agent';
import { Action, Agent } from './agent.decorators';
import type { ActionResult, AgentAvailability } from './agent.types';
import { AgentRegistry } from './agent-registry.service';

class EchoParams {
  @IsString() text: string;
}

@Injectable()
@Agent({ name: 'echo', description: 'Says things back' })
class EchoAgent {
  calls: string[] = [];

  @Action({ name: 'say', description: 'Echoes text', params: EchoParams, writes: ['echo'] })
  say(params: EchoParams): Promise<ActionResult> {
    this.calls.push(params.text);
    return Promise.resolve({ writes: { echo: params.text } });
  }

  /** Not an action: no decorator. */
  helper(): string {
    return 'not listed';
  }
}

@Injectable()
@Agent({ name: 'mailer', description: 'Needs configuration for one action' })
class MailerAgent implements AgentAvailability {
  static configured = false;

  @Action({ name: 'send', description: 'Sends', params: EchoParams })
  send(): Promise<ActionResult> {
    return Promise.resolve({});
  }

  @Action({ name: 'preview', description: 'Previews', params: EchoParams })
  preview(): Promise<ActionResult> {
    return Promise.resolve({});
  }

  unavailableReason(action: string): string | undefined {
    return action === 'send' && !MailerAgent.configured ? 'SMTP is not configured' : undefined;
  }
}

@Injectable()
@Agent({ name: 'echo', description: 'A second agent with the same name' })
class DuplicateEchoAgent {}

@Injectable()
@Agent({ name: 'Bad Name', description: 'Invalid' })
class BadNameAgent {}

@Injectable()
@Agent({ name: 'greeter', description: 'Declares what its action needs' })
class GreeterAgent {
  @Action({
    name: 'greet',
    description: 'Greets',
    params: EchoParams,
    optionalReads: ['name'],
    needs: [{ anyOf: ['params.text', 'state.name'], what: 'whom to greet' }],
  })
  greet(): Promise<ActionResult> {
    return Promise.resolve({});
  }
}

@Injectable()
@Agent({ name: 'needy', description: 'Needs a state key it does not read' })
class UnreadNeedAgent {
  @Action({
    name: 'go',
    description: 'Goes',
    params: EchoParams,
    needs: [{ anyOf: ['state.name'], what: 'a name' }],
  })
  go(): Promise<ActionResult> {
    return Promise.resolve({});
  }
}

@Injectable()
@Agent({ name: 'needy', description: 'Needs a parameter it does not have' })
class UnknownParamNeedAgent {
  @Action({
    name: 'go',
    description: 'Goes',
    params: EchoParams,
    needs: [{ anyOf: ['params.colour'], what: 'a colour' }],
  })
  go(): Promise<ActionResult> {
    return Promise.resolve({});
  }
}

async function registryWith(...providers: unknown[]): Promise<AgentRegistry> {
  const moduleRef = await Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [AgentRegistry, { provide: Clock, useClass: SystemClock }, ...(providers as [])],
  }).compile();
  await moduleRef.init();
  return moduleRef.get(AgentRegistry);
}

describe('AgentRegistry', () => {
  it('discovers every @Agent provider and its @Action methods, sorted by name', async () => {
    const registry = await registryWith(EchoAgent, CoreAgent);
    expect(registry.list().map((agent) => agent.name)).toEqual(['core', 'echo']);
    expect(registry.findAgent('core')?.actions.map((action) => action.name)).toEqual([
      'review',
      'set_context',
      'wait',
    ]);
    const say = registry.findAction('echo', 'say');
    expect(say).toMatchObject({
      agent: 'echo',
      description: 'Echoes text',
      reads: [],
      declaredWrites: ['echo'],
      sideEffect: false,
      requiresApproval: false,
      retry: { maxAttempts: 3, initialDelayMs: 500 },
      paramsSchema: {
        type: 'object',
        properties: { text: { type: 'string' } },
        required: ['text'],
        additionalProperties: false,
      },
    });
    expect(registry.findAction('echo', 'helper')).toBeUndefined();
  });

  it('calls the action on the provider instance Nest made', async () => {
    const registry = await registryWith(EchoAgent);
    const result = await registry.findAction('echo', 'say')!.invoke(
      { text: 'hi' },
      {
        jobId: 'job',
        stepIndex: 0,
        state: {},
        idempotencyKey: 'job:0',
        signal: new AbortController().signal,
      },
    );
    expect(result).toEqual({ writes: { echo: 'hi' } });
  });

  it('derives writes from the parameters when the action says so', async () => {
    const registry = await registryWith(CoreAgent);
    const setContext = registry.findAction('core', 'set_context')!;
    expect(setContext.declaredWrites).toEqual(['*']);
    expect(setContext.writesFor({ values: { icp: {}, sender: 'Ana' } })).toEqual(['icp', 'sender']);
  });

  it('asks the agent, each time, whether an action can run in this process', async () => {
    const registry = await registryWith(MailerAgent, EchoAgent);
    const send = registry.findAction('mailer', 'send')!;
    expect(send.unavailableReason()).toBe('SMTP is not configured');
    expect(registry.findAction('mailer', 'preview')!.unavailableReason()).toBeUndefined();
    expect(registry.findAction('echo', 'say')!.unavailableReason()).toBeUndefined();
    MailerAgent.configured = true;
    try {
      expect(send.unavailableReason()).toBeUndefined();
    } finally {
      MailerAgent.configured = false;
    }
  });

  it('keeps what an action needs, and refuses a need whose source it neither reads nor takes', async () => {
    const registry = await registryWith(GreeterAgent);
    expect(registry.findAction('greeter', 'greet')!.needs).toEqual([
      { anyOf: ['params.text', 'state.name'], what: 'whom to greet' },
    ]);
    expect(registry.findAction('greeter', 'greet')).toMatchObject({ optionalReads: ['name'] });
    await expect(registryWith(UnreadNeedAgent)).rejects.toThrow(
      'needy.go needs state.name, which is not one of its reads',
    );
    await expect(registryWith(UnknownParamNeedAgent)).rejects.toThrow(
      'needy.go needs params.colour, which is not one of its parameters',
    );
  });

  it('refuses two agents of one name, and names that are not identifiers', async () => {
    await expect(registryWith(EchoAgent, DuplicateEchoAgent)).rejects.toThrow(
      'Two agents are named "echo"',
    );
    await expect(registryWith(BadNameAgent)).rejects.toThrow('Invalid name "Bad Name"');
  });
});
