/**
 * `Host` checking, against DNS rebinding: a web page whose name an attacker points at 127.0.0.1
 * can reach the sandbox, but its requests carry the attacker's name in `Host`. Only loopback
 * names and the hosts the user configured (`allowedHosts`, `--allowed-host`) are answered.
 * Entries are host names or addresses; `.example.com` also allows its subdomains (as Django's
 * `ALLOWED_HOSTS`), `*` allows every host.
 */

/** The host name of a `Host` value, without port and brackets, lower case (`[::1]:4010` → `::1`). */
export function hostName(host: string): string {
  const trimmed = host.trim().toLowerCase();
  if (trimmed.split(':').length > 2 && !trimmed.startsWith('[')) return trimmed; // a bare IPv6 address
  if (trimmed.startsWith('[')) return trimmed.slice(1, trimmed.indexOf(']') === -1 ? undefined : trimmed.indexOf(']'));
  const colon = trimmed.lastIndexOf(':');
  return (colon === -1 ? trimmed : trimmed.slice(0, colon)).replace(/\.$/, '');
}

export function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

export function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  const name = hostName(host);
  if (name === '') return false;
  if (isLoopbackName(name)) return true;
  return allowed.some((entry) => {
    const wanted = hostName(entry);
    if (entry.trim() === '*') return true;
    return wanted.startsWith('.') ? name === wanted.slice(1) || name.endsWith(wanted) : name === wanted;
  });
}
