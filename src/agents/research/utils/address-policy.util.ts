import { BlockList, isIP } from 'node:net';

/**
 * Address ranges company research never fetches (unless RESEARCH_ALLOW_PRIVATE=true): anything
 * that is not a public unicast address, so a prospect's "website" cannot point the server at
 * itself, its network or a cloud metadata endpoint.
 */
const IPV4_RANGES: [cidr: string, kind: string][] = [
  ['0.0.0.0/8', 'unspecified'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'shared (carrier-grade NAT)'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', 'reserved'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
];

const IPV6_RANGES: [cidr: string, kind: string][] = [
  ['64:ff9b:1::/48', 'local-use NAT64'],
  ['100::/64', 'discard-only'],
  ['2001::/23', 'reserved (Teredo and IETF protocol)'],
  ['2001:db8::/32', 'documentation'],
  ['3fff::/20', 'documentation'],
  ['fc00::/7', 'unique local (private)'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'site-local'],
  ['ff00::/8', 'multicast'],
];

function blockLists(ranges: [string, string][], type: 'ipv4' | 'ipv6') {
  return ranges.map(([cidr, kind]) => {
    const [network, prefix] = cidr.split('/');
    const list = new BlockList();
    list.addSubnet(network, Number(prefix), type);
    return { kind, list };
  });
}

const IPV4_BLOCKS = blockLists(IPV4_RANGES, 'ipv4');
const IPV6_BLOCKS = blockLists(IPV6_RANGES, 'ipv6');
const GLOBAL_UNICAST = blockLists([['2000::/3', 'global unicast']], 'ipv6')[0].list;

/**
 * Why an IP address is not a public one (`'loopback'`, `'private'`, `'link-local'`…), or
 * `undefined` when it is. IPv6 addresses that embed an IPv4 address (IPv4-mapped, NAT64, 6to4)
 * are judged by that address.
 */
export function nonPublicReason(address: string): string | undefined {
  const ip = address.replace(/^\[|\]$/g, '').split('%')[0];
  const family = isIP(ip);
  if (family === 4) return IPV4_BLOCKS.find(({ list }) => list.check(ip, 'ipv4'))?.kind;
  if (family !== 6) return 'not an IP';
  const groups = expandIpv6(ip);
  const embedded = embeddedIpv4(groups);
  if (embedded) {
    const reason = nonPublicReason(embedded.ipv4);
    return reason && `${reason} (${embedded.form} ${embedded.ipv4})`;
  }
  if (groups.slice(0, 6).every((group) => group === 0)) {
    if (groups[6] === 0 && groups[7] === 1) return 'loopback';
    if (groups[6] === 0 && groups[7] === 0) return 'unspecified';
    return 'IPv4-compatible (deprecated)';
  }
  const block = IPV6_BLOCKS.find(({ list }) => list.check(ip, 'ipv6'));
  if (block) return block.kind;
  return GLOBAL_UNICAST.check(ip, 'ipv6') ? undefined : 'reserved';
}

/** The eight 16-bit groups of a valid IPv6 address (a trailing dotted IPv4 part allowed). */
export function expandIpv6(ip: string): number[] {
  let text = ip.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parse = (part: string | undefined) =>
    part ? part.split(':').map((group) => parseInt(group, 16)) : [];
  const start = parse(head);
  const end = parse(tail);
  const zeros = tail === undefined ? [] : new Array<number>(8 - start.length - end.length).fill(0);
  return [...start, ...zeros, ...end];
}

function embeddedIpv4(groups: number[]): { ipv4: string; form: string } | undefined {
  const ipv4 = (high: number, low: number) =>
    [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  const zeroUpTo = (count: number) => groups.slice(0, count).every((group) => group === 0);
  if (zeroUpTo(5) && groups[5] === 0xffff) {
    return { ipv4: ipv4(groups[6], groups[7]), form: 'IPv4-mapped' };
  }
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0)) {
    return { ipv4: ipv4(groups[6], groups[7]), form: 'NAT64' };
  }
  if (groups[0] === 0x2002) return { ipv4: ipv4(groups[1], groups[2]), form: '6to4' };
  return undefined;
}
