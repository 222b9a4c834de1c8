"""Which addresses the fetcher may connect to, and which URLs it may follow. Pure.

A watched source is configured by an analyst and may redirect anywhere, so every
address a fetch would connect to is checked first: loopback, private, link-local,
multicast, reserved, unspecified, shared (CGNAT) and cloud-metadata addresses are
refused, in IPv4 and IPv6 alike, including IPv6 forms that carry an IPv4 address
(mapped ``::ffff:a.b.c.d``, compatible ``::a.b.c.d``, 6to4 ``2002::/16``, NAT64
``64:ff9b::/96``, Teredo). Only addresses in ``fetch_allow_networks`` are let through
anyway (the tests' loopback servers, an intranet deployment's own hosts).

The checks here work on addresses; resolving a host name to its addresses and
connecting to exactly the address that was checked is ``ingest/transport.py``'s job.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

FETCHABLE_SCHEMES = ("http", "https")


def _networks(*pairs: tuple[str, str]) -> tuple[tuple[IPNetwork, str], ...]:
    return tuple((ipaddress.ip_network(cidr), kind) for cidr, kind in pairs)


# Refused ranges, most specific first, each with the words the refusal uses. Written
# out rather than taken from ``ipaddress``'s ``is_private``/``is_global``, whose
# ranges differ between Python versions and leave out multicast and CGNAT.
REFUSED_NETWORKS = _networks(
    ("169.254.169.254/32", "a cloud metadata address"),
    ("169.254.170.2/32", "a cloud metadata address"),  # AWS ECS task metadata
    ("100.100.100.200/32", "a cloud metadata address"),  # Alibaba Cloud
    ("192.0.0.192/32", "a cloud metadata address"),  # Oracle Cloud
    ("fd00:ec2::254/128", "a cloud metadata address"),  # AWS over IPv6
    ("0.0.0.0/32", "the unspecified address"),
    ("0.0.0.0/8", "a reserved address ('this network')"),
    ("127.0.0.0/8", "a loopback address"),
    ("10.0.0.0/8", "a private address"),
    ("172.16.0.0/12", "a private address"),
    ("192.168.0.0/16", "a private address"),
    ("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
    ("169.254.0.0/16", "a link-local address"),
    ("192.0.0.0/24", "a reserved address (IETF protocol assignments)"),
    ("192.0.2.0/24", "a reserved address (documentation)"),
    ("198.51.100.0/24", "a reserved address (documentation)"),
    ("203.0.113.0/24", "a reserved address (documentation)"),
    ("198.18.0.0/15", "a reserved address (benchmarking)"),
    ("192.88.99.0/24", "a reserved address (6to4 relay anycast)"),
    ("224.0.0.0/4", "a multicast address"),
    ("255.255.255.255/32", "the broadcast address"),
    ("240.0.0.0/4", "a reserved address"),
    ("::/128", "the unspecified address"),
    ("::1/128", "a loopback address"),
    ("64:ff9b:1::/48", "a reserved address (local-use NAT64)"),
    ("100::/64", "a reserved address (discard-only)"),
    ("2001:db8::/32", "a reserved address (documentation)"),
    ("2001:2::/48", "a reserved address (benchmarking)"),
    ("2001:10::/28", "a reserved address (ORCHID)"),
    ("2001:20::/28", "a reserved address (ORCHIDv2)"),
    ("fc00::/7", "a private address (unique local)"),
    ("fe80::/10", "a link-local address"),
    ("fec0::/10", "a reserved address (site-local)"),
    ("ff00::/8", "a multicast address"),
)

# Inside these, the last 32 bits (NAT64, compatible) or bits 16-48 (6to4) are an IPv4
# address the packets end up at: that address is checked too.
_COMPATIBLE = ipaddress.ip_network("::/96")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, compatible, 6to4, NAT64,
    Teredo client), if any."""
    if address.version == 4:
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64 or (address in _COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


@dataclass(frozen=True)
class AddressPolicy:
    """The refused ranges, less the networks an operator allows."""

    allow: tuple[IPNetwork, ...] = ()

    @classmethod
    def from_cidrs(cls, cidrs: Iterable[str]) -> AddressPolicy:
        """From CIDR strings already checked by the settings (``fetch_allow_networks``)."""
        return cls(tuple(ipaddress.ip_network(cidr) for cidr in cidrs))

    def _allowed(self, address: IPAddress) -> bool:
        return any(address.version == net.version and address in net for net in self.allow)

    def refusal(self, address: IPAddress) -> str | None:
        """Why the fetcher must not connect to ``address``; None if it may."""
        inner = embedded_ipv4(address)
        if self._allowed(address) or (inner is not None and self._allowed(inner)):
            return None
        if inner is not None and address.ipv4_mapped is not None:
            # ::ffff:a.b.c.d is a.b.c.d on the wire: judged as that address alone.
            reason = self.refusal(inner)
            return f"{address} carries {reason.replace(' is ', ', ', 1)}" if reason else None
        if (kind := _kind(address)) is not None:
            return f"{address} is {kind}"
        if inner is not None and (inner_kind := _kind(inner)) is not None:
            return f"{address} carries {inner}, {inner_kind}"
        if not address.is_global:
            return f"{address} is not a public address"
        return None


def _kind(address: IPAddress) -> str | None:
    for network, kind in REFUSED_NETWORKS:
        if address.version == network.version and address in network:
            return kind
    return None


# Characters of a host that the C resolver (inet_aton) may read as an IPv4 address
# in one of its old spellings: 2130706433, 0x7f.1, 0177.0.0.1, 127.1.
_NUMERIC_HOST = re.compile(r"^[0-9]+$|^[0-9a-fA-FxX.]+$")


def literal_address(host: str) -> IPAddress | None:
    """The address a host names literally, in any spelling the system resolver
    accepts (dotted, shortened, octal, hex, a single integer; IPv6 with or without
    brackets and zone); None for a name that needs DNS."""
    host = host.strip().strip("[]").split("%")[0]
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if not _NUMERIC_HOST.match(host) or not any(c.isdigit() for c in host):
        return None
    # The resolver's own parser (what getaddrinfo applies to numeric hosts) rather
    # than a re-implementation of its rules.
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def url_refusal(url: str, policy: AddressPolicy, redirected: bool = False) -> str | None:
    """Why ``url`` must not be fetched before any lookup: a scheme other than http(s),
    no host, or a host that literally is a refused address. Names are checked when
    they are resolved (``ingest/transport.py``)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return f"{url[:80]!r} is not a valid web address"
    scheme = parts.scheme.lower()
    if scheme not in FETCHABLE_SCHEMES:
        what = f"{scheme}:" if scheme else "an address without a scheme"
        if redirected:
            return f"redirect to {what} refused (only http and https are followed)"
        return f"{url[:80]!r} is not an http or https address"
    if not host:
        return f"{url[:80]!r} has no host"
    address = literal_address(host)
    if address is not None and (reason := policy.refusal(address)) is not None:
        return f"refused to connect to {host}: {reason}"
    return None
