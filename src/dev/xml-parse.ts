/**
 * Just enough XML for reading TwiML back (dev phone, tests, benchmark): elements, attributes in double
 * quotes, text, the five predefined entities. Not a general parser; TwiML needs nothing more.
 */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: (XmlNode | string)[];
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
export const unescapeXml = (value: string) => value.replace(/&(amp|lt|gt|quot|apos);/g, (entity) => ENTITIES[entity]!);

const TOKEN = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
const ATTRIBUTE = /([\w:.-]+)="([^"]*)"/g;

export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#document', attributes: {}, children: [] };
  const stack: XmlNode[] = [root];
  for (const match of xml.matchAll(TOKEN)) {
    const [, closing, name, attrs, selfClosing, body] = match;
    const parent = stack.at(-1)!;
    if (body !== undefined) {
      if (body.trim()) parent.children.push(unescapeXml(body));
    } else if (name && closing) {
      if (parent.name !== name) throw new Error(`unexpected </${name}> inside <${parent.name}>`);
      stack.pop();
    } else if (name) {
      const node: XmlNode = { name, attributes: {}, children: [] };
      for (const [, key, value] of (attrs ?? '').matchAll(ATTRIBUTE)) node.attributes[key!] = unescapeXml(value!);
      parent.children.push(node);
      if (!selfClosing) stack.push(node);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  const element = root.children.find((c): c is XmlNode => typeof c !== 'string');
  if (!element) throw new Error('no root element');
  return element;
}
