"""Build examples/corpus/warc/minskherald_crawl.warc.gz: a tiny deterministic web-archive sample.

The ingester must read WARC response records, so the corpus ships one. Record ids and dates are fixed
(uuid5 of the target URI, dates taken from the crawl plan) so re-running produces byte-identical output.
Run: .venv/bin/python examples/make_warc.py
"""

from __future__ import annotations

import uuid
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parent / "corpus" / "warc" / "minskherald_crawl.warc.gz"
NS = uuid.UUID("6f1c2f3e-6b0a-4d7e-9a55-2f1d0c9e8b11")
CRAWL_DATE = "2024-03-01T08:00:00Z"

#: (target URI, WARC-Date of the capture, HTML served)
PAGES: list[tuple[str, str, str]] = [
    (
        'https://www.minskherald.example.by/politics/2015/02/12/minsk-marathon/',
        '2024-03-01T08:00:05Z',
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Minsk marathon ends with ceasefire deal for eastern Ukraine | Minsk Herald</title>\n<meta property="article:published_time" content="2015-02-12T10:15:00+03:00">\n</head>\n<body>\n<div class="cookie-notice">Minsk Herald uses cookies. <a href="/cookies">Learn more</a> <button>OK</button></div>\n<header><a href="/" class="logo">Minsk Herald</a> <span class="tagline">Independent news since 1995</span></header>\n<nav><a href="/">Home</a> <a href="/politics/">Politics</a> <a href="/defence/">Defence</a> <a href="/economy/">Economy</a> <a href="/world/">World</a></nav>\n<main>\n<article>\n<h1>Minsk marathon ends with ceasefire deal for eastern Ukraine</h1>\n<p class="dateline"><time datetime="2015-02-12T10:15:00+03:00">2015-02-12</time></p>\n<figure><img src="/img/lead.jpg" alt=""><figcaption>Photo: BelTA</figcaption></figure>\n<p>After more than 16 hours of overnight negotiations at the Palace of Independence in Minsk, the leaders of Russia, Ukraine, Germany and France agreed on Thursday a package of measures to end the fighting in eastern Ukraine.</p>\n<p>The deal, signed by the Trilateral Contact Group including former Ukrainian president Leonid Kuchma, Russian ambassador Mikhail Zurabov, OSCE envoy Heidi Tagliavini and representatives of the separatists, provides for a ceasefire from February 15, withdrawal of heavy weapons, an exchange of prisoners and constitutional reform in Ukraine.</p>\n<p>German Chancellor Angela Merkel said there was a glimmer of hope, while President Petro Poroshenko warned that the agreement did not guarantee peace. Russian President Vladimir Putin said it had not been the best night of his life, but a good morning.</p>\n<p>Belarusian President Alexander Lukashenko hosted the summit and greeted the leaders, but did not take part in the talks. He offered Minsk as a permanent venue for negotiations and said Belarus would never allow its territory to be used for aggression against Ukraine.</p>\n<p>&quot;Lukashenko is the winner of the night: Western leaders came to his palace for the first time in years,&quot; said Vital Shumski, a Minsk analyst.</p>\n</article>\n<aside><h4>Editor\'s picks</h4><ul><li><a href="/economy/">Potash prices climb on strong demand</a></li><li><a href="/world/">Latvian elections: what to expect</a></li></ul></aside>\n<section class="comments"><h4>Comments</h4>\n<div class="comment"><b>mikalai_b</b><p>Good reporting, thank you for covering this.</p></div>\n</section>\n</main>\n<footer>&copy; Minsk Herald. All rights reserved. <a href="/contact">Contact the editors</a></footer>\n</body>\n</html>\n',
    ),
    (
        'https://www.minskherald.example.by/defence/2017/09/14/zapad-2017-begins/',
        '2024-03-01T08:00:09Z',
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Zapad-2017 begins amid Baltic fears and NATO scrutiny | Minsk Herald</title>\n<meta property="article:published_time" content="2017-09-14T12:40:00+03:00">\n</head>\n<body>\n<div class="cookie-notice">Minsk Herald uses cookies. <a href="/cookies">Learn more</a> <button>OK</button></div>\n<header><a href="/" class="logo">Minsk Herald</a> <span class="tagline">Independent news since 1995</span></header>\n<nav><a href="/">Home</a> <a href="/politics/">Politics</a> <a href="/defence/">Defence</a> <a href="/economy/">Economy</a> <a href="/world/">World</a></nav>\n<main>\n<article>\n<h1>Zapad-2017 begins amid Baltic fears and NATO scrutiny</h1>\n<p class="dateline"><time datetime="2017-09-14T12:40:00+03:00">2017-09-14</time></p>\n<figure><img src="/img/lead.jpg" alt=""><figcaption>Photo: Belarusian Defence Ministry</figcaption></figure>\n<p>Russia and Belarus on Thursday launched the joint strategic exercise Zapad-2017, which officially involves 12,700 troops, about 70 aircraft and 680 pieces of equipment on six ranges in Belarus and three in Russia.</p>\n<p>The Belarusian Defence Ministry said the scenario envisaged repelling an attack by armed groups seeking to destabilise the region. Defence Minister Andrei Ravkov invited observers from NATO, Ukraine, the Baltic states, Poland and Nordic countries, and said the drills were purely defensive.</p>\n<p>Lithuania, Poland and Ukraine have accused Moscow of underreporting the real numbers to avoid mandatory observation under the OSCE Vienna Document, and estimate that up to 100,000 troops could be involved across the western military district. Lithuanian Defence Minister Raimundas Karoblis warned of possible provocations.</p>\n<p>The United States deployed additional fighter jets to the Baltic region and extended the presence of paratroopers. NATO Secretary General Jens Stoltenberg called for transparency.</p>\n<p>Belarusian President Alexander Lukashenko said Belarus was not a threat to anyone and would not allow Russian troops to remain after the drills.</p>\n<p>&quot;Minsk is trying to show the West that it is a responsible host, and Moscow that it is a reliable ally,&quot; said Andrei Paulau, a Minsk security analyst.</p>\n</article>\n<aside><h4>Editor\'s picks</h4><ul><li><a href="/economy/">Potash prices climb on strong demand</a></li><li><a href="/world/">Latvian elections: what to expect</a></li></ul></aside>\n<section class="comments"><h4>Comments</h4>\n<div class="comment"><b>mikalai_b</b><p>Good reporting, thank you for covering this.</p></div>\n</section>\n</main>\n<footer>&copy; Minsk Herald. All rights reserved. <a href="/contact">Contact the editors</a></footer>\n</body>\n</html>\n',
    ),
    (
        'https://www.kyivdaily.example.ua/world/2019/12/09/normandy-summit-paris/',
        '2024-03-01T08:00:14Z',
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Normandy summit in Paris agrees prisoner swap and full ceasefire | Kyiv Daily</title>\n<meta property="article:published_time" content="2019-12-09T23:10:00+02:00">\n</head>\n<body>\n<div class="cookie-notice">Kyiv Daily uses cookies. <a href="/cookies">Learn more</a> <button>OK</button></div>\n<header><a href="/" class="logo">Kyiv Daily</a> <span class="tagline">Independent news since 1995</span></header>\n<nav><a href="/">Home</a> <a href="/politics/">Politics</a> <a href="/defence/">Defence</a> <a href="/economy/">Economy</a> <a href="/world/">World</a></nav>\n<main>\n<article>\n<h1>Normandy summit in Paris agrees prisoner swap and full ceasefire</h1>\n<p class="dateline"><time datetime="2019-12-09T23:10:00+02:00">2019-12-09</time></p>\n<figure><img src="/img/lead.jpg" alt=""><figcaption>Photo: Elysee Palace</figcaption></figure>\n<p>The leaders of Ukraine, Russia, France and Germany agreed in Paris on Monday to implement a full ceasefire in eastern Ukraine by the end of the year and to exchange all detained persons linked to the conflict.</p>\n<p>It was the first face-to-face meeting between Ukrainian President Volodymyr Zelensky and Russian President Vladimir Putin. French President Emmanuel Macron hosted the summit at the Elysee Palace, with German Chancellor Angela Merkel.</p>\n<p>The leaders also agreed to support three new areas of disengagement of forces and to meet again in four months. No agreement was reached on control of the border or on the timing of local elections in the separatist regions.</p>\n<p>Zelensky said he had hoped for more. Putin praised the meeting as a step in the right direction and said the Minsk agreements must be the basis for settlement.</p>\n<p>Separately, Russian and Ukrainian ministers held talks on gas transit after the expiry of their contract at the end of December.</p>\n<p>&quot;Zelensky has survived his first encounter with Putin without crossing any of the red lines drawn by Ukrainian protesters,&quot; said Mariia Hordiienko, a Kyiv analyst.</p>\n</article>\n<aside><h4>Editor\'s picks</h4><ul><li><a href="/economy/">Potash prices climb on strong demand</a></li><li><a href="/world/">Latvian elections: what to expect</a></li></ul></aside>\n<section class="comments"><h4>Comments</h4>\n<div class="comment"><b>mikalai_b</b><p>Good reporting, thank you for covering this.</p></div>\n</section>\n</main>\n<footer>&copy; Kyiv Daily. All rights reserved. <a href="/contact">Contact the editors</a></footer>\n</body>\n</html>\n',
    ),
]


def record_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(NS, name)}>"


def build(out: Path = OUT) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    buf = BytesIO()
    writer = WARCWriter(buf, gzip=True, warc_version="1.0")
    info = (
        "software: multivector examples/make_warc.py\r\n"
        "format: WARC File Format 1.0\r\n"
        "description: sample crawl for the multivector corpus\r\n"
    ).encode()
    writer.write_record(
        writer.create_warc_record(
            "",
            "warcinfo",
            payload=BytesIO(info),
            length=len(info),
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                "WARC-Record-ID": record_id("warcinfo"),
                "WARC-Date": CRAWL_DATE,
                "WARC-Filename": out.name,
            },
        )
    )
    for uri, date, page in PAGES:
        host = uri.split("/")[2]
        path = "/" + uri.split("/", 3)[3]
        request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: multivector-sample/1.0\r\n\r\n".encode()
        req_id = record_id("request:" + uri)
        writer.write_record(
            writer.create_warc_record(
                uri,
                "request",
                payload=BytesIO(request),
                length=len(request),
                warc_content_type="application/http; msgtype=request",
                warc_headers_dict={"WARC-Record-ID": req_id, "WARC-Date": date},
            )
        )
        body = page.encode("utf-8")
        http = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
            protocol="HTTP/1.1",
        )
        writer.write_record(
            writer.create_warc_record(
                uri,
                "response",
                payload=BytesIO(body),
                length=len(body),
                http_headers=http,
                warc_headers_dict={
                    "WARC-Record-ID": record_id("response:" + uri),
                    "WARC-Date": date,
                    "WARC-Concurrent-To": req_id,
                },
            )
        )
    out.write_bytes(buf.getvalue())
    return out


if __name__ == "__main__":
    print(build())
