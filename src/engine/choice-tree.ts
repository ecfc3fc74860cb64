/**
 * Scripts and plan templates share one shape: steps, some of which are choices whose options hold
 * steps of their own, and steps that play only after a given answer. These walk that shape once
 * for both.
 */

export interface Condition {
  readonly choice: string;
  readonly option: string;
}

interface Branching {
  readonly kind: string;
  readonly when?: Condition;
}

export interface ChoiceOf<Node> {
  readonly kind: 'choice';
  readonly name: string;
  readonly defaultOption: string;
  readonly options: readonly { readonly id: string; readonly steps: readonly Node[] }[];
}

/** The choices among `nodes`, in order of appearance (nested ones included). */
export function choicesIn<N extends Branching, C extends N & ChoiceOf<N>>(nodes: readonly N[], isChoice: (node: N) => node is C): C[] {
  const found: C[] = [];
  const visit = (level: readonly N[]): void => {
    for (const node of level) {
      if (!isChoice(node)) continue;
      found.push(node);
      for (const option of node.options) visit(option.steps);
    }
  };
  visit(nodes);
  return found;
}

/** The option each choice takes: the one asked for if it exists, else the choice's default. */
export function settleAnswers(choices: readonly ChoiceOf<unknown>[], wanted: Readonly<Record<string, string>>): Record<string, string> {
  const settled: Record<string, string> = {};
  for (const choice of choices) {
    const asked = Object.hasOwn(wanted, choice.name) ? wanted[choice.name] : undefined;
    settled[choice.name] = asked && choice.options.some((option) => option.id === asked) ? asked : choice.defaultOption;
  }
  return settled;
}

/**
 * The steps a person hears for these (settled) answers, in order: `when` conditions applied, each
 * choice replaced by its chosen option's steps, after what `entering` adds for that option.
 */
export function pathThrough<N extends Branching, C extends N & ChoiceOf<N>>(
  nodes: readonly N[],
  answers: Readonly<Record<string, string>>,
  isChoice: (node: N) => node is C,
  entering: (option: C['options'][number]) => Exclude<N, C>[] = () => [],
): Exclude<N, C>[] {
  const path: Exclude<N, C>[] = [];
  const walk = (level: readonly N[]): void => {
    for (const node of level) {
      if (node.when && answers[node.when.choice] !== node.when.option) continue;
      if (!isChoice(node)) {
        path.push(node as Exclude<N, C>);
        continue;
      }
      const option = node.options.find((candidate) => candidate.id === answers[node.name]);
      if (!option) continue;
      path.push(...entering(option));
      walk(option.steps);
    }
  };
  walk(nodes);
  return path;
}
