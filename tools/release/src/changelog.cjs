// Changelog entries for users: the changeset's text as written, without the commit hash that
// changesets' default generator puts first (a reader of the changelog cannot act on a hash).
// Referenced from .changeset/config.json; changesets loads it with require().
'use strict';

/** One entry: the summary's first line as a bullet, its later lines indented under it. */
async function getReleaseLine(changeset) {
  const [first, ...rest] = changeset.summary.split('\n').map((line) => line.trimEnd());
  return [`- ${first}`, ...rest.map((line) => (line ? `  ${line}` : ''))].join('\n');
}

/** The workspace packages this release moved to, by name and version. */
async function getDependencyReleaseLine(_changesets, dependenciesUpdated) {
  if (dependenciesUpdated.length === 0) return '';
  const names = dependenciesUpdated.map((dependency) => `\`${dependency.name}@${dependency.newVersion}\``);
  return `- Depends on ${names.join(', ')}.`;
}

module.exports = { default: { getReleaseLine, getDependencyReleaseLine } };
