import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// Which way the dependencies point, checked on the source itself (type-only imports included):
// agents use the registry's contract and never the runner, the planner's vocabulary stands on its
// own, and no two files import each other through any chain.

const SRC = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]);
  return specifiers.map((specifier) => `${resolve(dirname(file), specifier)}.ts`);
}

const graph = new Map(sourceFiles(SRC).map((file) => [file, importsOf(file)]));
const name = (file: string) => relative(SRC, file);

/** Strongly connected components with more than one file (Tarjan). */
function cycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(name(member));
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

function importsFrom(fromFolder: string, toFolder: string): string[] {
  return [...graph]
    .filter(([file]) => name(file).startsWith(fromFolder))
    .flatMap(([file, targets]) =>
      targets
        .filter((target) => name(target).startsWith(toFolder))
        .map((t) => `${name(file)} → ${name(t)}`),
    );
}

describe('source dependencies', () => {
  it('reads the imports of the source tree', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get(join(SRC, 'app.module.ts'))).toContain(
      join(SRC, 'config/app-config.module.ts'),
    );
  });

  it('have no import cycle', () => {
    expect(cycles()).toEqual([]);
  });

  it('lead agents to the registry, never to the job runner', () => {
    expect(importsFrom('agents/', 'orchestrator/jobs/')).toEqual([]);
  });

  it('keep the offline planner free of agent types', () => {
    expect(importsFrom('orchestrator/planning/', 'agents/')).toEqual([]);
  });
});
