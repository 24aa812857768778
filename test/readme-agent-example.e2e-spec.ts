import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AgentRegistry } from '../src/orchestrator/agents/agent-registry.service';
import { validatePlan } from '../src/orchestrator/agents/plan-validation.util';

/** The "Adding an agent" example in README.md is real code: it compiles, registers and runs. */
describe('README: adding an agent', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const block = /```ts\n(\/\/ src\/agents\/greeting\/greeting\.agent\.ts\n[\s\S]*?)```/.exec(
    readme,
  );
  // Inside the repo, so the example's package imports resolve from node_modules (git-ignored).
  const dir = mkdtempSync(join(__dirname, '.tmp-readme-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is found by the registry, validated and callable', async () => {
    expect(block).not.toBeNull();
    // The example imports relative to src/agents/greeting/; point those imports at src/.
    const source = block![1].replaceAll("'../../", `'${resolve(__dirname, '..', 'src')}/`);
    const file = join(dir, 'greeting.agent.ts');
    writeFileSync(file, source);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const example = require(file) as { GreetingAgentModule: new () => unknown };

    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule, example.GreetingAgentModule as never],
      providers: [AgentRegistry],
    }).compile();
    await moduleRef.init();
    const registry = moduleRef.get(AgentRegistry);
    const greet = registry.findAction('greeting', 'greet');
    expect(greet).toMatchObject({ reads: ['prospects'], declaredWrites: ['greetings'] });
    expect(greet!.paramsSchema).toMatchObject({
      properties: { limit: { type: 'integer', minimum: 1, maximum: 100 } },
      required: ['greeting'],
    });

    const plan = {
      objective: 'Greet',
      steps: [{ agent: 'greeting', action: 'greet', params: { greeting: 'Hi', limit: 1 } }],
    };
    const validation = validatePlan({ plan, catalog: registry, initialKeys: ['prospects'] });
    expect(validation.ok).toBe(true);
    const result = await greet!.invoke(
      { greeting: 'Hi', limit: 1 },
      {
        jobId: 'j',
        stepIndex: 0,
        state: { prospects: [{ name: 'Ana' }, { name: 'Ben' }] },
        idempotencyKey: 'j:0',
        signal: new AbortController().signal,
      },
    );
    expect(result).toEqual({ writes: { greetings: ['Hi, Ana!'] }, summary: '1 greetings' });
  });
});
