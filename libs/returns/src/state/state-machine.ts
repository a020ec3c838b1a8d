/**
 * A state machine as data, the same shape as the order lib's (which does not export its engine;
 * it belongs in libs/common). Guards are keyed by target state and return a reason to refuse.
 */
export type TransitionGuard<TSubject> = (subject: TSubject) => string | null;

export interface MachineDefinition<TState extends string, TSubject> {
  readonly name: string;
  readonly initial: readonly TState[];
  readonly transitions: Readonly<Partial<Record<TState, readonly TState[]>>>;
  readonly terminal: readonly TState[];
  readonly guards?: Readonly<Partial<Record<TState, TransitionGuard<TSubject>>>>;
}

export type TransitionCheck = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

export class StateMachine<TState extends string, TSubject> {
  constructor(readonly definition: MachineDefinition<TState, TSubject>) {}

  get states(): TState[] {
    const { initial, transitions, terminal } = this.definition;
    const all = new Set<TState>([...initial, ...terminal]);
    for (const [from, targets] of Object.entries(transitions) as [TState, readonly TState[]][]) {
      all.add(from);
      targets.forEach((target) => all.add(target));
    }
    return [...all];
  }

  isInitial(state: TState): boolean {
    return this.definition.initial.includes(state);
  }

  isTerminal(state: TState): boolean {
    return this.definition.terminal.includes(state);
  }

  targetsOf(from: TState): readonly TState[] {
    return this.definition.transitions[from] ?? [];
  }

  hasTransition(from: TState, to: TState): boolean {
    return this.targetsOf(from).includes(to);
  }

  /** The table first, then the target's guard. */
  check(from: TState, to: TState, subject: TSubject): TransitionCheck {
    if (!this.hasTransition(from, to)) {
      return { allowed: false, reason: `${this.definition.name}: ${from} cannot become ${to}` };
    }
    const reason = this.definition.guards?.[to]?.(subject) ?? null;
    return reason === null ? { allowed: true } : { allowed: false, reason };
  }

  /** Problems with the definition; empty when it is sound (checked at boot and in unit tests). */
  validate(): string[] {
    const { name, initial, terminal, guards } = this.definition;
    const problems: string[] = [];
    if (initial.length === 0) {
      problems.push(`${name}: no initial state`);
    }
    const reachable = new Set<TState>(initial);
    const queue = [...initial];
    while (queue.length > 0) {
      for (const target of this.targetsOf(queue.shift() as TState)) {
        if (!reachable.has(target)) {
          reachable.add(target);
          queue.push(target);
        }
      }
    }
    for (const state of this.states) {
      const exits = this.targetsOf(state);
      if (!reachable.has(state)) {
        problems.push(`${name}: ${state} is unreachable`);
      }
      if (terminal.includes(state) && exits.length > 0) {
        problems.push(`${name}: terminal state ${state} has transitions`);
      }
      if (!terminal.includes(state) && exits.length === 0) {
        problems.push(`${name}: ${state} is a dead end but not terminal`);
      }
      if (new Set(exits).size !== exits.length || exits.includes(state)) {
        problems.push(`${name}: ${state} repeats a target or transitions to itself`);
      }
    }
    for (const target of Object.keys(guards ?? {}) as TState[]) {
      if (!this.states.some((from) => this.hasTransition(from, target))) {
        problems.push(`${name}: guard on ${target}, which no transition reaches`);
      }
    }
    return problems;
  }
}
