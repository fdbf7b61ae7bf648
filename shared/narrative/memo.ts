/**
 * The last few results of a function of one section's text (the least recently used goes first). The editor evaluates the whole report on every
 * keystroke; with this, only the section whose text changed is read again (a string used as a Map key hashes once,
 * and the unchanged sections' texts are the very same strings from one version of the report to the next).
 */
export const byText = <V>(fn: (text: string) => V, size = 8): ((text: string) => V) => {
  const cache = new Map<string, V>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) {
      // most recently used last: a long section read on every evaluation is not pushed out by the one being typed
      cache.delete(text);
      cache.set(text, hit);
      return hit;
    }
    const v = fn(text);
    if (cache.size >= size) cache.delete(cache.keys().next().value!);
    cache.set(text, v);
    return v;
  };
};

/**
 * The last result per key (a section id) for the same arguments (compared by identity: the same text, the same
 * cells object). A finding of an unchanged section is then the very same object from one evaluation to the next.
 */
export const lastPerKey = <A extends readonly unknown[], V>(fn: (...args: A) => V): ((key: string, ...args: A) => V) => {
  const last = new Map<string, { readonly args: A; readonly value: V }>();
  return (key, ...args) => {
    const l = last.get(key);
    if (l && l.args.length === args.length && l.args.every((a, i) => a === args[i])) return l.value;
    const value = fn(...args);
    last.set(key, { args, value });
    return value;
  };
};
