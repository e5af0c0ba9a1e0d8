/**
 * Support links and replies filled from a pasted error, for the build and the browser alike. A
 * link is a URL template from api.yaml's `support.links`; it is filled only when every value it
 * names is known, and every value is URL-encoded, so a pasted value can never leave its place in
 * the URL (add a parameter, change the path or the host). A reply keeps `{name}` where a value is
 * unknown, for the agent to fill in.
 */
import { splitTemplate } from '../catalog/placeholders';
import type { SupportLinkValue } from '../schemas/support';

/** The values a lookup knows, by placeholder name; a missing or empty one is unknown. */
export type TemplateValues = Partial<Record<string, string | number | undefined>>;

/**
 * One value encoded for its place in a URL (`encodeURIComponent`), or undefined when it has none:
 * text that cannot be encoded (a lone surrogate), or only dots, which a URL reads as "this folder"
 * or "the parent" even percent-encoded (`%2E%2E`), and which no id, code or time ever is.
 */
export function encodeUrlValue(value: string): string | undefined {
  if (/^\.+$/.test(value)) return undefined;
  try {
    return encodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** A known value as text, or undefined when it is missing or blank. */
function known(values: TemplateValues, name: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/**
 * The link filled in, or undefined when a value it names is unknown (the link is then not
 * shown) or the result is not an http(s) URL.
 */
export function fillSupportLink(
  template: string,
  values: Partial<Record<SupportLinkValue, string | number | undefined>>,
): string | undefined {
  let url = '';
  for (const part of splitTemplate(template)) {
    if (!part.placeholder) {
      url += part.text;
      continue;
    }
    const value = known(values, part.text);
    const encoded = value === undefined ? undefined : encodeUrlValue(value);
    if (encoded === undefined) return undefined;
    url += encoded;
  }
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** A reply with its values filled in: the text, and the placeholders left as `{name}` for want of a value. */
export function fillReply(template: string, values: TemplateValues): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = splitTemplate(template)
    .map((part) => {
      if (!part.placeholder) return part.text;
      const value = known(values, part.text);
      if (value !== undefined) return value;
      if (!missing.includes(part.text)) missing.push(part.text);
      return `{${part.text}}`;
    })
    .join('');
  return { text, missing };
}

/** The placeholders of a link template the values leave unknown (or unusable in a URL). */
export function missingLinkValues(template: string, values: TemplateValues): string[] {
  const missing: string[] = [];
  for (const part of splitTemplate(template)) {
    if (!part.placeholder || missing.includes(part.text)) continue;
    const value = known(values, part.text);
    if (value === undefined || encodeUrlValue(value) === undefined) missing.push(part.text);
  }
  return missing;
}

/** Every link filled in where it can be; each says which values it lacks. */
export function fillSupportLinks(
  links: ReadonlyArray<{ label: string; url: string }>,
  values: TemplateValues,
): Array<{ label: string; url?: string; missing: string[] }> {
  return links.map((link) => {
    const url = fillSupportLink(link.url, values);
    return { label: link.label, ...(url ? { url } : {}), missing: url ? [] : missingLinkValues(link.url, values) };
  });
}
