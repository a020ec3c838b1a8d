/* The one state-machine engine: order, pickup, payment and return machines are tables for it. */
/** Why a transition is refused, or null when the guard lets it through. */
export type TransitionGuard<TSubject> = (subject: TSubject) => string | null;

/**
 * A state machine as data: which states it starts in, which transitions exist, which states end
 * it, and guards (keyed by target state) that may refuse an existing transition with a reason.
 */
export interface MachineDefinition<TState extends string, TSubject> {
  readonly name: string;
  readonly initial: readonly TState[];
  readonly transitions: Readonly<Partial<Record<TState, readonly TState[]>>>;
  readonly terminal: readonly TState[];
  readonly guards?: Readonly<Partial<Record<TState, TransitionGuard<TSubject>>>>;
}

export type TransitionCheck =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: string };

export class StateMachine<TState extends string, TSubject> {
  constructor(readonly definition: MachineDefinition<TState, TSubject>) {}

  get name(): string {
    return this.definition.name;
  }

  /** Every state the machine mentions. */
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

  /** Whether the table has the transition at all (guards aside). */
  hasTransition(from: TState, to: TState): boolean {
    return this.targetsOf(from).includes(to);
  }

  /** The table first, then the target's guard. */
  check(from: TState, to: TState, subject: TSubject): TransitionCheck {
    if (!this.hasTransition(from, to)) {
      return { allowed: false, reason: `${this.name}: ${from} cannot become ${to}` };
    }
    const reason = this.definition.guards?.[to]?.(subject) ?? null;
    return reason === null ? { allowed: true } : { allowed: false, reason };
  }

  /** Problems with the definition itself; an empty list means it is sound. */
  validate(): string[] {
    const { initial, terminal, transitions, guards } = this.definition;
    const problems: string[] = [];
    if (initial.length === 0) {
      problems.push(`${this.name}: no initial state`);
    }
    const reachable = new Set<TState>(initial);
    const queue = [...initial];
    while (queue.length > 0) {
      const state = queue.shift() as TState;
      for (const target of this.targetsOf(state)) {
        if (!reachable.has(target)) {
          reachable.add(target);
          queue.push(target);
        }
      }
    }
    for (const state of this.states) {
      if (!reachable.has(state)) {
        problems.push(`${this.name}: ${state} is unreachable`);
      }
      const exits = this.targetsOf(state);
      if (terminal.includes(state) && exits.length > 0) {
        problems.push(`${this.name}: terminal state ${state} has transitions`);
      }
      if (!terminal.includes(state) && exits.length === 0) {
        problems.push(`${this.name}: ${state} is a dead end but not terminal`);
      }
      if (new Set(exits).size !== exits.length) {
        problems.push(`${this.name}: ${state} lists a target twice`);
      }
      if (exits.includes(state)) {
        problems.push(`${this.name}: ${state} transitions to itself`);
      }
    }
    for (const from of Object.keys(transitions) as TState[]) {
      if (terminal.includes(from) && (transitions[from]?.length ?? 0) === 0) {
        problems.push(`${this.name}: terminal state ${from} is listed in transitions`);
      }
    }
    for (const target of Object.keys(guards ?? {}) as TState[]) {
      if (!this.states.some((from) => this.hasTransition(from, target))) {
        problems.push(`${this.name}: guard on ${target}, which no transition reaches`);
      }
    }
    return problems;
  }
}
