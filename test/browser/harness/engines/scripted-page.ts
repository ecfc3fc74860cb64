import { allElements, describeTarget, pageCall } from './find-in-page';
import type { EngineName, EnginePage, Target } from './driver';

/** What each engine's driver does natively; everything else an `EnginePage` does is built on these. */
export interface PagePrimitives {
  /** Evaluates a page-side expression (it may give a promise) and returns its JSON value. */
  evaluate(expression: string): Promise<unknown>;
  /** A real click on the element a page-side expression gives. */
  click(elementExpression: string): Promise<void>;
  /** Clicks the element a page-side expression gives, then types `text` with real key presses. */
  type(elementExpression: string, text: string): Promise<void>;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  problems(): Promise<string[]>;
  close(): Promise<void>;
}

/** How long an action waits for its element: lazy chunks and decoding on a busy 2-core machine take seconds. */
const elementTimeoutMs = 15_000;

const delay = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** The page as the tests see it, the same for every engine. */
export function scriptedPage(engine: EngineName, origin: string, primitives: PagePrimitives): EnginePage {
  const count = async (target: Target): Promise<number> => Number(await primitives.evaluate(`${allElements(target)}.length`));
  const first = async (target: Target): Promise<string> => {
    for (const started = Date.now(); Date.now() - started < elementTimeoutMs; ) {
      if ((await count(target)) > 0) return `${allElements(target)}[0]`;
      await delay(50);
    }
    throw new Error(`${engine}: found no ${describeTarget(target)} within ${String(elementTimeoutMs / 1000)} s.`);
  };
  return {
    engine,
    goto: (path) => primitives.goto(new URL(path, origin).href),
    reload: () => primitives.reload(),
    // A value comes back from the page as JSON: its type is what `fn` returns.
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>> =>
      primitives.evaluate(pageCall(fn.toString(), [JSON.stringify(arg ?? null)])).then((value) => value as Awaited<R>),
    evaluateOn: <R, A>(target: Target, fn: (element: Element, arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>> =>
      first(target)
        .then((element) => primitives.evaluate(pageCall(fn.toString(), [element, JSON.stringify(arg ?? null)])))
        .then((value) => value as Awaited<R>),
    count,
    click: async (target) => {
      await primitives.click(await first(target));
    },
    type: async (target, text) => {
      await primitives.type(await first(target), text);
    },
    text: async (target) => String(await primitives.evaluate(`(${await first(target)}).innerText`)),
    problems: () => primitives.problems(),
    close: () => primitives.close(),
  };
}
