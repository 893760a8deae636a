// Spectral's `--resolver`: reads `$ref`s as Spectral does, except that a `$ref` to a Markdown file
// (Redocly's convention for long descriptions, `description: {$ref: descriptions/x.md}`) yields
// the file's text, as `redocly bundle` makes it. Spectral would parse the Markdown as YAML.
const { readFile } = require('node:fs/promises');
const { Resolver } = require('@stoplight/spectral-ref-resolver');

module.exports = new Resolver({
  resolvers: {
    file: {
      async resolve(ref) {
        const text = await readFile(ref.href(), 'utf8');
        // Spectral parses what a resolver returns as YAML; a JSON string is a YAML string.
        return ref.href().endsWith('.md') ? JSON.stringify(text) : text;
      },
    },
  },
});
