/** The plural categories a catalogue may give forms for (CLDR, through Intl.PluralRules). */
export type PluralForms = { readonly other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

const RULES = new Map<string, Intl.PluralRules>();

/**
 * The form of `forms` that fits `n` in the language `tag`, chosen by Intl.PluralRules:
 * `plural('en', 1, { one: 'row', other: 'rows' })` is `row`. Falls back to `other`.
 */
export function plural(tag: string, n: number, forms: PluralForms): string {
  let rules = RULES.get(tag);
  if (!rules) {
    rules = new Intl.PluralRules(tag);
    RULES.set(tag, rules);
  }
  return forms[rules.select(n)] ?? forms.other;
}
