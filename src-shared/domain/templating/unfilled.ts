// What a reply body still holds of its template: the placeholders nobody filled in. A response
// goes to a citizen only when this is empty (response.send, response.submit), so a draft saved
// with its holes written back as `{{name}}` can never be sent as it is.

import type { TemplateNode } from './template-syntax';
import { parseTemplate } from './template-syntax';
import { findTemplateVariable } from './template-context';
import { analyze } from './template-render';

/** Every snippet name a list of nodes includes directly (at any depth of blocks). */
function includedNames(nodes: readonly TemplateNode[], into: Set<string>): Set<string> {
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
      case 'variable':
        break;
      case 'if':
        includedNames(node.then, into);
        includedNames(node.otherwise, into);
        break;
      case 'each':
        includedNames(node.body, into);
        break;
      case 'include':
        into.add(node.name);
        break;
    }
  }
  return into;
}

/**
 * The placeholders still in `body`, once each in order of appearance: variables by their
 * catalogue name (`petugas.nama`, `disposisi[].catatan`), then snippet includes as `> name`.
 * A body that does not parse as a template is plain text (a citizen's quoted "{{" is not a
 * placeholder), and plain text has none. Only variables of the catalogue count: a report title
 * "Jalan {{rusak}}" copied into a reply is the citizen's text, not a hole.
 */
export function unfilledPlaceholders(body: string): string[] {
  const parsed = parseTemplate(body);
  if (!parsed.ok) return [];
  if (parsed.value.nodes.every((node) => node.kind === 'text')) return [];
  // The snippets themselves are not at hand and do not matter: an include is a hole on its own.
  // Standing in empty snippets lets `analyze` name the variables without failing on them.
  const includes = [...includedNames(parsed.value.nodes, new Set())];
  const analysis = analyze(parsed.value, Object.fromEntries(includes.map((name) => [name, ''])));
  const variables = analysis.ok
    ? analysis.value.variables.filter((name) => findTemplateVariable(name) !== undefined)
    : [];
  return [...variables, ...includes.map((name) => `> ${name}`)];
}
