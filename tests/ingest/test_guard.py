"""The address policy and URL checks of ``ingest/guard.py``: tables of addresses,
spellings and schemes. Pure: nothing here opens a socket."""

import ipaddress

import pytest

from binational.ingest.guard import AddressPolicy, embedded_ipv4, literal_address, url_refusal

NONE_ALLOWED = AddressPolicy()

REFUSED = [
    # IPv4
    ("127.0.0.1", "a loopback address"),
    ("127.255.255.254", "a loopback address"),
    ("10.0.0.1", "a private address"),
    ("172.16.5.4", "a private address"),
    ("172.31.255.255", "a private address"),
    ("192.168.1.1", "a private address"),
    ("169.254.1.1", "a link-local address"),
    ("169.254.169.254", "a cloud metadata address"),
    ("169.254.170.2", "a cloud metadata address"),
    ("100.100.100.200", "a cloud metadata address"),
    ("192.0.0.192", "a cloud metadata address"),
    ("100.64.0.1", "a shared (carrier-grade NAT) address"),
    ("100.127.255.254", "a shared (carrier-grade NAT) address"),
    ("0.0.0.0", "the unspecified address"),
    ("0.1.2.3", "a reserved address ('this network')"),
    ("224.0.0.1", "a multicast address"),
    ("239.255.255.250", "a multicast address"),
    ("240.0.0.1", "a reserved address"),
    ("255.255.255.255", "the broadcast address"),
    ("192.0.2.10", "a reserved address (documentation)"),
    ("198.18.0.1", "a reserved address (benchmarking)"),
    ("192.0.0.8", "a reserved address (IETF protocol assignments)"),
    # IPv6
    ("::1", "a loopback address"),
    ("::", "the unspecified address"),
    ("fe80::1", "a link-local address"),
    ("fc00::1", "a private address (unique local)"),
    ("fd12:3456::1", "a private address (unique local)"),
    ("fd00:ec2::254", "a cloud metadata address"),
    ("ff02::1", "a multicast address"),
    ("fec0::1", "a reserved address (site-local)"),
    ("2001:db8::1", "a reserved address (documentation)"),
    ("100::1", "a reserved address (discard-only)"),
    ("64:ff9b:1::1", "a reserved address (local-use NAT64)"),
    # IPv6 carrying an IPv4 address
    ("::ffff:127.0.0.1", "carries 127.0.0.1, a loopback address"),
    ("::ffff:a00:1", "carries 10.0.0.1, a private address"),
    ("::ffff:169.254.169.254", "carries 169.254.169.254, a cloud metadata address"),
    ("::127.0.0.1", "carries 127.0.0.1, a loopback address"),  # IPv4-compatible
    ("2002:7f00:1::", "carries 127.0.0.1, a loopback address"),  # 6to4
    ("2002:a9fe:a9fe::1", "carries 169.254.169.254, a cloud metadata address"),
    ("64:ff9b::a9fe:a9fe", "carries 169.254.169.254, a cloud metadata address"),  # NAT64
    ("64:ff9b::10.1.1.1", "carries 10.1.1.1, a private address"),
    ("2001:0:4136:e378:8000:63bf:80ff:fffe", "carries 127.0.0.1, a loopback address"),  # Teredo
]


@pytest.mark.parametrize(("address", "reason"), REFUSED)
def test_internal_addresses_are_refused_with_their_kind(address, reason):
    parsed = ipaddress.ip_address(address)
    refusal = NONE_ALLOWED.refusal(parsed)
    assert refusal is not None and refusal.startswith(str(parsed)) and refusal.endswith(reason)


@pytest.mark.parametrize(
    "address",
    ["8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700::1111", "2a00:1450:4001::200e",
     "::ffff:8.8.8.8", "2002:808:808::1", "64:ff9b::808:808", "100.63.255.255", "172.32.0.1"],
)  # fmt: skip
def test_public_addresses_are_allowed(address):
    assert NONE_ALLOWED.refusal(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    ("allowed", "address", "refused"),
    [
        (("127.0.0.0/8",), "127.0.0.1", False),
        (("127.0.0.0/8",), "127.4.5.6", False),
        (("127.0.0.0/8",), "::ffff:127.0.0.1", False),  # the same address, mapped
        (("127.0.0.0/8",), "::1", True),
        (("127.0.0.0/8",), "10.0.0.1", True),
        (("127.0.0.0/8",), "169.254.169.254", True),
        (("127.0.0.1/32",), "127.0.0.2", True),
        (("10.20.0.0/16",), "10.20.3.4", False),
        (("10.20.0.0/16",), "10.21.0.1", True),
        (("fd00::/8",), "fd12::1", False),
        (("fd00::/8", "10.0.0.0/8"), "10.9.9.9", False),
    ],
)
def test_allowed_networks_let_their_addresses_through(allowed, address, refused):
    policy = AddressPolicy.from_cidrs(allowed)
    assert (policy.refusal(ipaddress.ip_address(address)) is not None) is refused


@pytest.mark.parametrize(
    ("host", "address"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("0x7F.0.0.1", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("017700000001", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("0", "0.0.0.0"),
        ("10.1", "10.0.0.1"),
        ("0xa9.0xfe.0xa9.0xfe", "169.254.169.254"),
        ("2852039166", "169.254.169.254"),
        ("[::ffff:a00:1]", "::ffff:a00:1"),
        ("::ffff:a00:1", "::ffff:a00:1"),
        ("[::1]", "::1"),
        ("[fe80::1%eth0]", "fe80::1"),
        ("[0:0:0:0:0:ffff:7f00:1]", "::ffff:127.0.0.1"),
    ],
)
def test_every_spelling_of_an_address_is_read_as_the_resolver_reads_it(host, address):
    assert literal_address(host) == ipaddress.ip_address(address)


@pytest.mark.parametrize(
    "host", ["example.org", "localhost", "deadbeef", "1.2.3.4.5", "0x", "a.0x7f.1", "256.256"]
)
def test_names_are_left_to_the_resolver(host):
    assert literal_address(host) is None


@pytest.mark.parametrize(
    ("address", "carried"),
    [("::ffff:a00:1", "10.0.0.1"), ("::7f00:1", "127.0.0.1"), ("2002:a00:1::", "10.0.0.1"),
     ("64:ff9b::a00:1", "10.0.0.1"), ("2606:4700::1111", None), ("10.0.0.1", None),
     ("::1", None)],
)  # fmt: skip
def test_the_ipv4_address_inside_an_ipv6_one(address, carried):
    found = embedded_ipv4(ipaddress.ip_address(address))
    assert found == (ipaddress.ip_address(carried) if carried else None)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://0x7f.1/", "refused to connect to 0x7f.1: 127.0.0.1 is a loopback address"),
        ("http://2130706433:8080/a", "refused to connect to 2130706433: 127.0.0.1 is a loopback"),
        ("http://0177.0.0.1/", "refused to connect to 0177.0.0.1: 127.0.0.1 is a loopback"),
        ("http://[::ffff:a00:1]/", "refused to connect to ::ffff:a00:1: ::ffff:a00:1 carries "
                                   "10.0.0.1, a private address"),
        ("https://169.254.169.254/latest/meta-data/", "169.254.169.254 is a cloud metadata"),
        ("http://[fd00:ec2::254]/", "fd00:ec2::254 is a cloud metadata address"),
        ("http://user@10.0.0.1:80/", "10.0.0.1 is a private address"),
    ],
)  # fmt: skip
def test_literal_internal_hosts_are_refused_before_any_lookup(url, reason):
    refusal = url_refusal(url, NONE_ALLOWED)
    assert refusal is not None and reason in refusal


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("data:text/html,<p>hi</p>", "redirect to data: refused (only http and https are"),
        ("javascript:alert(1)", "redirect to javascript: refused"),
        ("file:///etc/passwd", "redirect to file: refused"),
        ("ftp://ftp.example.org/x", "redirect to ftp: refused"),
        ("gopher://example.org/", "redirect to gopher: refused"),
    ],
)  # fmt: skip
def test_redirects_to_other_schemes_are_refused_with_their_own_reason(url, reason):
    assert url_refusal(url, NONE_ALLOWED, redirected=True).startswith(reason)
    assert "is not an http or https address" in url_refusal(url, NONE_ALLOWED)


@pytest.mark.parametrize(
    "url", ["https://www.gob.mx/sre/prensa", "http://example.org:8080/a?b=c", "http://localhost/"]
)
def test_public_urls_and_names_pass_the_check_before_lookup(url):
    assert url_refusal(url, NONE_ALLOWED) is None
