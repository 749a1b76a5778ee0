/**
 * A tiny XML writer for TwiML/TeXML: pure functions from view models to strings. Text and attribute
 * values are always escaped, so nothing a person or a model says can inject markup.
 */
export type Attributes = Record<string, string | number | boolean | undefined>;

export interface XmlElement {
  name: string;
  attributes?: Attributes;
  children?: (XmlElement | string)[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  // Strip characters XML 1.0 cannot carry at all (C0 controls other than tab/newline/CR, lone surrogates).
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

export const el = (name: string, attributes?: Attributes, children?: (XmlElement | string)[]): XmlElement => ({ name, attributes, children });

function render(node: XmlElement | string): string {
  if (typeof node === 'string') return escapeXml(node);
  const attrs = Object.entries(node.attributes ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  if (!node.children || node.children.length === 0) return `<${node.name}${attrs}/>`;
  return `<${node.name}${attrs}>${node.children.map(render).join('')}</${node.name}>`;
}

export function renderDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${render(root)}`;
}
