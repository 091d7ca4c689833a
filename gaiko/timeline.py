"""Events per month by PLOVER type: the table ``gaiko timeline`` prints and its PNG chart.

:meth:`Store.timeline` gives ``(month, type, count)`` rows for the events of one
actor, or between two; events dated to a year only, or undated, are left out.
:class:`Timeline` pivots them (months × types); :func:`plot` draws stacked bars
by type, most cooperative at the bottom and most conflictual on top, coloured
as :data:`gaiko.plover.TYPE_COLOURS`, with every month between the first and the
last on the axis (so gaps show).

Beside the events, each month carries the number of documents published in it
(``documents``): a month with more news looks like a month with more diplomacy
unless one divides by it.  With ``normalise`` the counts become events per 100
documents of their month (a month with events but no dated document gets none).
matplotlib is imported only to plot, and only
its Agg canvas is used (no display, no global pyplot state).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from gaiko.errors import InputError
from gaiko.plover import STACK_ORDER, TYPE_COLOURS


@dataclass(frozen=True)
class Timeline:
    a: str
    b: str | None
    rows: list[tuple[str, str, int]] = field(default_factory=list)
    documents: dict[str, int] = field(default_factory=dict)   # month → documents published
    normalise: bool = False                                    # counts per 100 documents

    def rate(self, n: int, month: str) -> float | None:
        """``n`` events of ``month`` per 100 of its documents (None with no documents)."""
        docs = self.documents.get(month, 0)
        return round(100.0 * n / docs, 2) if docs else None

    def value(self, n: int, month: str) -> float:
        """What the table and the chart show: the count, or with ``normalise`` the rate."""
        if not self.normalise:
            return n
        return self.rate(n, month) or 0.0

    @property
    def types(self) -> list[str]:
        """The types present, in stacking order (unknown types last)."""
        present = {t for _, t, _ in self.rows}
        return [t for t in STACK_ORDER if t in present] + sorted(present - set(STACK_ORDER))

    @property
    def months(self) -> list[str]:
        """Months with at least one event, oldest first."""
        return sorted({m for m, _, _ in self.rows})

    def counts(self) -> dict[str, dict[str, int]]:
        """``{month: {type: count}}`` for the months with events."""
        out: dict[str, dict[str, int]] = defaultdict(dict)
        for month, type_, n in self.rows:
            out[month][type_] = out[month].get(type_, 0) + int(n)
        return dict(out)

    def all_months(self) -> list[str]:
        """Every month from the first to the last with events, gaps included."""
        months = self.months
        if not months:
            return []
        y, m = map(int, months[0].split("-"))
        last = months[-1]
        out = []
        while True:
            cur = f"{y:04d}-{m:02d}"
            out.append(cur)
            if cur >= last:
                return out
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)

    def records(self) -> list[dict[str, Any]]:
        """One ``{"month", "type", "events", "documents"}`` per row, for JSON Lines; with
        ``normalise`` also ``per_100_documents``."""
        out = []
        for m, t, n in self.rows:
            rec: dict[str, Any] = {"month": m, "type": t, "events": int(n), "documents": self.documents.get(m, 0)}
            if self.normalise:
                rec["per_100_documents"] = self.rate(int(n), m)
            out.append(rec)
        return out

    @property
    def title(self) -> str:
        return f"{self.a} – {self.b}" if self.b else self.a


def check_png(path: str) -> str:
    """The chart's file name must end in ``.png``."""
    if not path.lower().endswith(".png"):
        raise InputError(path, "--plot writes a PNG chart; give a file name ending in .png")
    return path


def plot(timeline: Timeline, path: str) -> None:
    """Write ``timeline`` as a PNG chart of stacked bars by PLOVER type."""
    check_png(path)
    from matplotlib.figure import Figure

    months = timeline.all_months()
    counts = timeline.counts()
    width = min(max(6.0, 0.35 * len(months) + 2.5), 24.0)
    fig = Figure(figsize=(width, 4.5), dpi=100)
    ax = fig.add_subplot()
    if not months:
        ax.text(0.5, 0.5, "no events dated to a month", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
    else:
        x = list(range(len(months)))
        bottom = [0] * len(months)
        for type_ in timeline.types:
            heights = [timeline.value(counts.get(m, {}).get(type_, 0), m) for m in months]
            ax.bar(x, heights, bottom=bottom, color=TYPE_COLOURS.get(type_, "#777777"), label=type_,
                   width=0.8)
            bottom = [b + h for b, h in zip(bottom, heights)]
        step = max(1, len(months) // 24)
        ax.set_xticks(x[::step], months[::step], rotation=60, ha="right", fontsize=8)
        ax.set_xlim(-0.6, len(months) - 0.4)
        ax.set_ylabel("events per 100 documents" if timeline.normalise else "events")
        ax.yaxis.get_major_locator().set_params(integer=True)
        handles, labels = ax.get_legend_handles_labels()
        # legend top to bottom as the bars stack: most conflictual first
        ax.legend(handles[::-1], labels[::-1], loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8,
                  frameon=False)
    ax.set_title(f"{timeline.title}: events per month by PLOVER type")
    fig.tight_layout()
    try:
        fig.savefig(path, format="png")
    except OSError as exc:
        raise InputError(path, f"cannot write the chart ({exc})") from None
