/** One step of an action sequence: which agent does what, with which parameters. */
export interface PlanStep {
  agent: string;
  action: string;
  params: Record<string, unknown>;
}

/** An action sequence, as planners produce it and `POST /jobs` accepts it. */
export interface Plan {
  objective: string;
  steps: PlanStep[];
}

/** Who made a plan: the LLM, the offline planner, or the client itself (`POST /jobs`). */
export type PlannerKind = 'llm' | 'offline' | 'explicit';
