"""JUnit XML: one test case per seed; it fails when the seed has findings at or above the
failing severity, and lists every finding."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from corpuskit.models import FileReport, Severity

_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Text XML 1.0 can hold: characters it forbids become U+FFFD.

    >>> xml_text("a\\x00b")
    'a\\ufffdb'
    """
    return _NOT_XML.sub("\ufffd", text)


def write_junit(reports: list[FileReport], stream: TextIO, context=None) -> None:
    fail_on = context.fail_on if context is not None else Severity.ERROR
    suites = ET.Element("testsuites", name="corpuskit")
    suite = ET.SubElement(suites, "testsuite", name="corpuskit check")
    failures = 0
    for report in reports:
        case = ET.SubElement(
            suite,
            "testcase",
            classname="corpuskit.seeds",
            name=xml_text(report.path),
            file=xml_text(report.path),
        )
        lines = [f"{report.path}:{f.line}:{f.column}: {f.code} {f.message}" for f in report.findings]
        serious = [f for f in report.findings if f.severity.rank >= fail_on.rank]
        if serious:
            failures += 1
            first = serious[0]
            failure = ET.SubElement(
                case,
                "failure",
                message=xml_text(
                    f"{len(serious)} finding(s) at or above {fail_on.value}: {first.code} {first.message}"
                ),
                type=first.code,
            )
            failure.text = xml_text("\n".join(lines))
        elif lines:
            ET.SubElement(case, "system-out").text = xml_text("\n".join(lines))
    for element in (suites, suite):
        element.set("tests", str(len(reports)))
        element.set("failures", str(failures))
        element.set("errors", "0")
    ET.indent(suites)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(suites, encoding="unicode"))
    stream.write("\n")
