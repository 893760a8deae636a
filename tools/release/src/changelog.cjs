// Changelog entries for users: the changeset's text as written, without the commit hash that
// changesets' default generator puts first (a reader of the changelog cannot act on a hash).
// Referenced from .changeset/config.json; changesets loads it with require().
'use strict';

/** One entry: the summary's first line as a bullet, its later lines indented under it. */
async function getReleaseLine(changeset) {
  const [first, ...rest] = changeset.summary.split('\n').map((line) => line.trimEnd());
  return [`- ${first}`, ...rest.map((line) => (line ? `  ${line}` : ''))].join('\n');
}

// Packages of a `fixed` group always share one version, so "depends on @gigapay/types@1.0.0" under
// @gigapay/client@1.0.0 tells a reader nothing: only dependencies outside the groups are named.
const fixed = new Set(require('../../../.changeset/config.json').fixed.flat());

/** The workspace packages this release moved to, by name and version, but for its own fixed group. */
async function getDependencyReleaseLine(_changesets, dependenciesUpdated) {
  const named = dependenciesUpdated.filter((dependency) => !fixed.has(dependency.name));
  if (named.length === 0) return '';
  const names = named.map((dependency) => `\`${dependency.name}@${dependency.newVersion}\``);
  return `- Depends on ${names.join(', ')}.`;
}

module.exports = { default: { getReleaseLine, getDependencyReleaseLine } };
