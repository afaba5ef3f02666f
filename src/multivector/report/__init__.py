"""report stage: the offline HTML report and static figures for papers (matplotlib loads lazily)."""

from multivector.report.html import render_report, write_report
from multivector.report.plots import plot

__all__ = ["plot", "render_report", "write_report"]
