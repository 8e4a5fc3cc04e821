"""The shipped reverse-proxy configuration (deploy/nginx/cap-reseaux.conf) in Debian's nginx, in
front of two `streamlit run` replicas on one PostgreSQL (issue 14, point 2): security headers,
compressed static files, sticky sessions that spread browsers over both replicas and keep each
on its own, and a conversation through the proxy (its websocket included)."""
from __future__ import annotations

import gzip
import http.client
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from conftest import ROOT, free_port, unavailable

from wizard.store import SessionStore, make_engine

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.proxy]
SITE = ROOT / "deploy" / "nginx" / "cap-reseaux.conf"
UNIT = ROOT / "deploy" / "systemd" / "cap-reseaux@.service"
CLIENTS = 16  # new browsers: all on one replica by chance has a probability of 2 × 2^-16


def site_for(a_port: int, b_port: int, listen: int) -> str:
    """The shipped file with this machine's ports, plus one header naming the replica that
    answered (for the test only: a real deployment does not tell clients its addresses)."""
    text = SITE.read_text(encoding="utf-8")
    assert text.count("server 127.0.0.1:8501;") == 1 and text.count("server 127.0.0.1:8502;") == 1
    text = text.replace("127.0.0.1:8501", f"127.0.0.1:{a_port}").replace("127.0.0.1:8502", f"127.0.0.1:{b_port}")
    text = text.replace("listen 80;", f"listen 127.0.0.1:{listen};")
    assert text.count("location / {") == 1
    return text.replace("location / {", "location / {\n        add_header X-Test-Upstream $upstream_addr always;", 1)


@pytest.fixture(scope="module")
def proxy(replicas, tmp_path_factory):
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if nginx is None:
        unavailable("CAP_REQUIRE_PROXY", "no nginx (apt-get install nginx)")
    a, b = replicas
    tmp = tmp_path_factory.mktemp("nginx")
    port = free_port()
    (tmp / "site.conf").write_text(site_for(a.port, b.port, port), encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""
    (tmp / "nginx.conf").write_text(
        f"{user}worker_processes 1;\npid {tmp}/nginx.pid;\nerror_log {tmp}/error.log;\ndaemon off;\n"
        f"events {{}}\nhttp {{\n  include /etc/nginx/mime.types;\n  access_log {tmp}/access.log;\n"
        + "".join(f"  {kind}_temp_path {tmp}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        + f"  include {tmp}/site.conf;\n}}\n", encoding="utf-8")
    check = subprocess.run([nginx, "-t", "-p", str(tmp), "-c", str(tmp / "nginx.conf")], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr  # the shipped file is valid for Debian's nginx
    proc = subprocess.Popen([nginx, "-p", str(tmp), "-c", str(tmp / "nginx.conf")], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/_stcore/health")
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}", port
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def get(port: int, path: str, headers: dict | None = None) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    conn.request("GET", path, headers=headers or {})
    response = conn.getresponse()
    response.body = response.read()
    return response


def test_the_shipped_file_only_changes_ports_in_the_test():
    shipped = SITE.read_text(encoding="utf-8")
    for header in ("Content-Security-Policy \"frame-ancestors 'none'\"", "Referrer-Policy \"no-referrer\"",
                   "gzip on;", "hash $cap_route consistent;", "proxy_set_header Upgrade $http_upgrade;",
                   "proxy_set_header X-Forwarded-For $remote_addr;"):
        assert header in shipped, header
    unit = UNIT.read_text(encoding="utf-8")
    assert "--server.address 127.0.0.1" in unit  # only the proxy reaches a replica


def test_every_page_says_it_must_not_be_framed_nor_leak_its_address(proxy):
    _, port = proxy
    for path in ("/", "/atelier", "/_stcore/health", "/no-such-file.js"):
        r = get(port, path)
        assert r.getheader("Content-Security-Policy") == "frame-ancestors 'none'", path
        assert r.getheader("Referrer-Policy") == "no-referrer", path
        assert r.getheader("X-Frame-Options") == "DENY", path


def test_static_files_are_compressed(proxy):
    _, port = proxy
    page = get(port, "/").body.decode()
    script = re.search(r'src="(\./)?(static/js/index\.[^"]+\.js)"', page).group(2)
    plain, packed = get(port, f"/{script}"), get(port, f"/{script}", {"Accept-Encoding": "gzip"})
    assert packed.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(packed.body) == plain.body
    assert len(packed.body) < 0.4 * len(plain.body), (len(packed.body), len(plain.body))


def test_browsers_spread_over_both_replicas_and_each_stays_on_its_own(proxy, replicas):
    _, port = proxy
    seen = set()
    for _ in range(CLIENTS):
        first = get(port, "/")
        cookie = next(c for c in first.headers.get_all("Set-Cookie") or [] if c.startswith("cap_route="))
        assert "HttpOnly" in cookie
        route = cookie.split(";")[0]
        upstream = first.getheader("X-Test-Upstream")
        seen.add(upstream)
        for path in ("/_stcore/health", "/atelier", "/"):  # the same browser: the same replica
            again = get(port, path, {"Cookie": route})
            assert again.getheader("X-Test-Upstream") == upstream
            assert not [c for c in again.headers.get_all("Set-Cookie") or [] if c.startswith("cap_route=")]  # given once
    assert seen == {f"127.0.0.1:{s.port}" for s in replicas}


def test_a_conversation_through_the_proxy(proxy, replicas, browser_page):
    url, _ = proxy
    page = browser_page
    page.goto(url)
    page.get_by_text("comment s’appelle votre structure").wait_for(timeout=30_000)
    page.get_by_role("button", name="Passer", exact=True).last.click()
    page.get_by_text("Quel type de structure").wait_for(timeout=30_000)  # the websocket carried it
    token = re.search(r"[?&]s=([^&]+)", page.url).group(1)
    stored = SessionStore(make_engine(replicas[0].database_url)).load(token)
    assert stored is not None and "structure_name" in stored.answers
