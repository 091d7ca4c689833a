"""What a date next to an act may say other than when the act was: that it bounds it (「以来」「ぶり」),
starts it (「…から」), or counts from it (「侵略から１年」). ``time.events`` reads these before it lets a
date date an act."""

from __future__ import annotations

import re

#: 「2009年以来9年ぶり」 bounds the event; it does not date it (and no date comes from bounds alone).
#: Nor does an open start (「31日から訪問している」 says when a stay began, not when a meeting in it was;
#: it dates the visit itself, ``stay``).
BOUND = re.compile(r"^\s*(以来|ぶり|以降|までに|より前|以前)")
#: So does 「1979年のイラン革命後初めて」: another event named after the year, which bounds (unless that
#: event is the one dated: 「先月30日の釜山での首脳会談以来」 dates that meeting).
BOUND_BY_EVENT = re.compile(r"の[^、。「」]{1,14}?(以来|後初|以後初|後で初|後では初)")
#: An anniversary counted from the act: 「侵略から1年となる24日」 is not when the act was.
SINCE_ACT = re.compile(r"(戦争|侵攻|侵略|攻撃)?(の開始)?から[0-9０-９一二三四五六七八九十]+(年|か月|カ月|ヶ月|周年|日)")
#: But a start with a clock time or a length is the event's own (「14日午後3時から約45分間、…会談」), and so
#: is the start of what is still to come (「8日から2日間の日程で訪問する」).
CLOCK = re.compile(r"[0-9０-９一二三四五六七八九十]\s*時(?!間)")
STARTS_AT = re.compile(r"から\s*約?\s*[0-9０-９一二三四五六七八九十]+\s*(?:分|時間)")
