import type { Target, TextMatch } from './driver';

type SerializedMatch = { readonly exact: string } | { readonly pattern: string; readonly flags: string };

/** A target as JSON, so that it can travel into any engine's page. */
export interface SerializedTarget {
  readonly role?: string;
  readonly label?: string;
  readonly css?: string;
  readonly name?: SerializedMatch;
  readonly text?: SerializedMatch;
  readonly within?: string;
}

const serializeMatch = (match: TextMatch | undefined): SerializedMatch | undefined =>
  match === undefined ? undefined : typeof match === 'string' ? { exact: match } : { pattern: match.source, flags: match.flags };

export function serializeTarget(target: Target): SerializedTarget {
  if ('role' in target) return { role: target.role, name: serializeMatch(target.name), text: serializeMatch(target.text), within: target.within };
  if ('label' in target) return { label: target.label, within: target.within };
  return { css: target.css, text: serializeMatch(target.text), within: target.within };
}

/** How a target reads in a failure message. */
export function describeTarget(target: Target): string {
  const show = (match: TextMatch | undefined): string => (match === undefined ? '' : typeof match === 'string' ? ` "${match}"` : ` ${String(match)}`);
  const within = target.within === undefined ? '' : ` in ${target.within}`;
  if ('role' in target) return `${target.role}${show(target.name)}${target.text === undefined ? '' : ` with text${show(target.text)}`}${within}`;
  if ('label' in target) return `the field labelled "${target.label}"${within}`;
  return `${target.css}${target.text === undefined ? '' : ` with text${show(target.text)}`}${within}`;
}

/**
 * Runs in the page: every visible element the target names, in document order, looking inside
 * open shadow roots. Roles and accessible names follow the common cases of ARIA (implicit roles
 * of native elements; names from aria-labelledby, aria-label, labels, a fieldset's legend, then content without
 * aria-hidden parts), which is all the app's own markup uses. Self-contained, as it is sent as text.
 */
const findAll = (query: SerializedTarget): Element[] => {
  const collapse = (text: string): string => text.replace(/\s+/gu, ' ').trim();
  const matches = (match: SerializedMatch | undefined, text: string): boolean =>
    match === undefined ? true : 'exact' in match ? collapse(text) === match.exact : new RegExp(match.pattern, match.flags).test(collapse(text));
  const deepElements = (root: ParentNode): Element[] => {
    const found: Element[] = [];
    const walk = (node: ParentNode): void => {
      for (const child of Array.from(node.children)) {
        found.push(child);
        if (child.shadowRoot) walk(child.shadowRoot);
        walk(child);
      }
    };
    walk(root);
    return found;
  };
  const visible = (element: Element): boolean => {
    if (element.getClientRects().length === 0) return false;
    return getComputedStyle(element).visibility !== 'hidden';
  };
  const implicitRole = (element: Element): string => {
    const explicit = element.getAttribute('role');
    if (explicit) return explicit;
    const tag = element.localName;
    const type = (element.getAttribute('type') ?? '').toLowerCase();
    if (tag === 'button') return 'button';
    if (tag === 'a' && element.hasAttribute('href')) return 'link';
    if (/^h[1-6]$/u.test(tag)) return 'heading';
    if (tag === 'ul' || tag === 'ol') return 'list';
    if (tag === 'li') return 'listitem';
    if (tag === 'textarea') return 'textbox';
    if (tag === 'select') return 'combobox';
    if (tag === 'fieldset') return 'group';
    if (tag === 'output') return 'status';
    if (tag === 'input') {
      if (['button', 'submit', 'reset'].includes(type)) return 'button';
      if (type === 'checkbox') return 'checkbox';
      if (type === 'radio') return 'radio';
      if (type === 'range') return 'slider';
      if (['', 'text', 'search', 'email', 'tel', 'url'].includes(type)) return 'textbox';
    }
    return '';
  };
  const textOf = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (!(node instanceof Element)) return '';
    if (node.getAttribute('aria-hidden') === 'true' || node.localName === 'style' || node.localName === 'script') return '';
    if (node.shadowRoot) return Array.from(node.shadowRoot.childNodes).map(textOf).join('');
    if (node.localName === 'slot') return (node as HTMLSlotElement).assignedNodes({ flatten: true }).map(textOf).join('');
    return Array.from(node.childNodes).map(textOf).join(' ');
  };
  const nameOf = (element: Element): string => {
    const root = element.getRootNode() as Document | ShadowRoot;
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) {
      return collapse(
        labelledBy
          .split(/\s+/u)
          .map((id) => {
            const label = root.getElementById(id);
            return label ? textOf(label) : '';
          })
          .join(' '),
      );
    }
    const label = element.getAttribute('aria-label');
    if (label) return collapse(label);
    const labels = (element as HTMLInputElement).labels;
    if (labels && labels.length > 0) return collapse(Array.from(labels).map(textOf).join(' '));
    const legend = element.localName === 'fieldset' ? element.querySelector(':scope > legend') : null;
    if (legend) return collapse(textOf(legend));
    const role = implicitRole(element);
    if (element.localName === 'input' && role === 'button') return collapse((element as HTMLInputElement).value);
    if (['button', 'link', 'heading', 'listitem', 'checkbox', 'radio'].includes(role)) return collapse(textOf(element));
    return collapse(element.getAttribute('title') ?? '');
  };
  const hosts = query.within === undefined ? [document] : deepElements(document).filter((element) => element.matches(query.within ?? ''));
  const inside = (host: Document | Element): Element[] => (host instanceof Element && host.shadowRoot ? [...deepElements(host.shadowRoot), ...deepElements(host)] : deepElements(host));
  const candidates = [...new Set(hosts.flatMap(inside))];
  return candidates.filter((element) => {
    if (!visible(element)) return false;
    if (query.css !== undefined && !element.matches(query.css)) return false;
    if (query.role !== undefined && implicitRole(element) !== query.role) return false;
    if (query.label !== undefined && !(['input', 'textarea', 'select'].includes(element.localName) && nameOf(element) === query.label)) return false;
    if (!matches(query.name, nameOf(element))) return false;
    return matches(query.text, (element as HTMLElement).innerText);
  });
};

/**
 * A page-side expression calling the function `source` with the page-side expressions `args`.
 * esbuild (tsx) wraps named functions in a `__name` helper that exists only in Node; the page
 * gets a stand-in that leaves each function as it is.
 */
export const pageCall = (source: string, args: readonly string[]): string =>
  `(() => { const __name = (fn) => fn; return (${source})(${args.join(', ')}); })()`;

/** A page-side expression whose value is every element `target` finds. */
export const allElements = (target: Target): string => pageCall(findAll.toString(), [JSON.stringify(serializeTarget(target))]);
