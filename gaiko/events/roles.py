"""Argument roles: which actor mention plays which part in which trigger's frame.

Japanese marks roles with particles after the noun phrase, and predicates come
last, so each actor mention is read with the particle that follows it:

    が/は/も        subject        → source
    を              object         → target
    に/へ/に対し    dative         → target (source of a passive)
    と/との         co-participant → target (either side for symmetric types)
    の              genitive       → source of a nominal trigger right after it
                                      (「金委員長の訪露」, 「AとBの会談」)

Coordinated mentions (「米国、韓国、日本は」, 「AとBの会談」) share the particle of
the last one. A mention followed by の and another name is a modifier
(「北朝鮮の金正恩委員長」) and plays no role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..documents.dateline import find_dateline
from ..records import ActorMention

# Longest first: the reader takes the first that matches.
_PARTICLES: tuple[tuple[str, str], ...] = (
    ("を通じて", "skip"), ("を通じ", "skip"), ("経由で", "skip"),  # 「ＷＦＰを通じて、ガザに」: a channel, not whom
    ("に相当", "skip"), ("としては", "skip"), ("として", "skip"), ("によると", "skip"), ("によれば", "skip"), ("によりますと", "skip"), ("によりますれば", "skip"), ("によって", "agent"), ("により", "agent"), ("による", "agent"),
    ("を念頭に", "about"), ("を念頭において", "about"), ("を念頭に置", "about"),  # 「中国を念頭に…懸念」: whom it is aimed at
    ("への対応", "about"), ("への対処", "about"), ("に対する対応", "about"), ("について", "about"), ("に続いて", "skip"), ("に続き", "skip"), ("をめぐ", "about"), ("に関し", "about"), ("に関す", "about"),
    ("に対して", "dat"), ("に対し", "dat"), ("に対する", "dat"), ("に向け", "dat"), ("向けの", "dat"), ("向けに", "dat"),  # 「同国向けの補助金」
    ("における", "loc"), ("において", "loc"), ("におけ", "loc"),  # 「南シナ海における（…試み）」: where
    ("宛てに", "dat"), ("宛ての", "dat"), ("宛に", "dat"), ("宛の", "dat"),  # 「外務省宛に…問い合わせ」
    ("を交えて", "com"), ("を交えた", "com"), ("を交え", "com"),  # 「…を交えて会合を開いた」: one met with
    ("とともに", "with"), ("と共に", "with"), ("と一緒に", "with"), ("との間", "com"), ("との", "com"), ("とは", "com"), ("とも", "com"),
    ("には", "dat"), ("にも", "dat"), ("への", "dat"), ("である", "modifier"), ("では", "loc"), ("でも", "loc"),
    ("間の", "gen"), ("間で", "com"), ("の間では", "between"), ("の間で", "between"), ("の間に", "between"), ("の間の", "between"), ("からの", "about"), ("から", "from"), ("まで", "skip"),
    ("が", "subj"), ("は", "subj"), ("も", "subj"), ("を", "obj"), ("に", "dat"), ("へ", "dat"),
    ("のほかの", "gen"), ("のほか", "coord"), ("のほかに", "coord"),  # 「ロシアのほか、シリア、北朝鮮が反対した」: all of them
    ("および", "coord"), ("及び", "coord"), ("ならびに", "coord"), ("並びに", "coord"),
    ("と", "com"), ("の", "gen"), ("で", "loc"), ("や", "coord"), ("、", "coord"), ("・", "coord"),
    ("，", "coord"),
)
# Words that may stand between a name and its particle without changing its role.
_SKIP_AFTER = ("など", "ら", "側", "当局", "政府", "かいらい", "傀儡", "自身", "両国政府", "両政府", "両首脳", "両外相", "両国軍", "両軍", "両国",
               "ら両", "氏", "たち", "代表団", "一行", "各国",
               "基地", "軍事施設", "施設", "拠点", "陣地")  # 「（カタールの）米軍基地を攻撃」: a place of its owner's


def _by_first(words: tuple) -> dict[str, tuple]:
    """``words`` (strings, or tuples led by one) by their first character, each list in the given order:
    at a position only those starting with its character are tried, and the first that matches is the
    one a walk over all of them finds."""
    out: dict[str, list] = {}
    for w in words:
        out.setdefault((w if isinstance(w, str) else w[0])[0], []).append(w)
    return {c: tuple(ws) for c, ws in out.items()}


_PARTICLES_AT = _by_first(_PARTICLES)
_SKIP_AFTER_AT = _by_first(_SKIP_AFTER)

#: People who speak or act for the state or organ named before them, unnamed
#: (「中国外務省の報道官は」「米国務省当局者は」「韓国外交部関係者によると」): the organ takes their role;
#: so do the two states' governments or leaders after a pair (「日本とフィリピンの両政府は」).
_SPOKESPEOPLE = re.compile(r"(の)?(主導の(暫定|連立|新)?(政府|政権)|双方|両者|両国政府|両政府|両国首脳|両首脳|両外相|両国防相|両防衛相|両国軍|両[海空陸]?軍|両国|"
                           r"副?報道官|スポークスマン|スポークスパーソン|報道局長|副報道局長|報道担当者?|当局者|(選挙管理|税関|検察|司法|捜査|移民|出入国管理|保健|衛生|金融|通貨|規制|海事|航空|国境警備|治安|軍事?|警察|通信|海上保安|防衛|国防|外交|外務)?当局|政府高官|高官|幹部|関係者|筋|"
                           r"首脳|代表団|使節団|交渉団|代表|代表部|大使館|総領事館|領事館|外交官|職員|担当者|広報官|事務所|軍事政権|暫定政権|暫定政府|軍政|政権|"
                           r"駐在武官|武官|大使|公使|参事官|総領事|領事|局長|次官|審議官|課長|(作戦|軍事作戦)?部長|"
                           r"外相理事会|理事会|首脳会議|外相会議|外相会合|首脳会合|会合|会議|加盟各国|加盟国|"
                           r"外相|首脳|国防相|防衛相|閣僚|(最高|総|副|陸軍|海軍|空軍)?司令官|参謀総長|参謀長|トップ|副大臣|大臣|副首相|首相|大統領|"
                           r"(空母|駆逐艦|潜水艦|巡視船|フリゲート艦?)(「[^」]{1,12}」)?|公船|船舶|艦艇|艦船|軍艦|漁船|船(?=[0-9０-９一二三四五六七八九十数がはもの]|によ)|[\u4e00-\u9fff\uff21-\uff3a\uff10-\uff19A-Z0-9]{0,8}機|部隊|[海空陸]?軍)"
                           r"(?=[がはもをにとの]|によ|[0-9０-９一二三四五六七八九十数]+[人名隻機])")
#: A person the dictionary lacks, named with a title after a state or organ: 「外務省の岡野正敬事務次官は」
#: 「ドイツのワーデフール外相と」「中国の施泳駐日臨時代理大使を」. They act for it (EVENTS.md: the
#: country is known, the id is not), so the organ's mention takes their role.
_NAMED_OFFICIAL = re.compile(
    r"の([\u4e00-\u9fff]{2,5}|[\u30a1-\u30fa\u30fc・]{2,14})・?(駐[\u4e00-\u9fff]{1,3})?"
    r"(大統領|[\u4e00-\u9fff]{0,6}相|[\u4e00-\u9fff]{0,6}大臣|[\u4e00-\u9fff]{0,4}長官|"  # 外相, 投資貿易産業相, 国務長官
    r"副大統領|報道官|副報道局長|報道局長|事務次官|外務次官|次官補|次官|局長|審議官|臨時代理大使|代理大使|大使|公使|"
    r"総領事|議長|委員長|国家主席|主席|総書記|特使|代表|国王|首長|司令官|参謀総長)"
    r"(?=[がはもをにとの]|によ|ら)")
#: Private people and bodies known by their nationality alone (「日本人の会社員が」「韓国の漁船が」
#: 「中国企業13社への」): EVENTS.md codes them by country with a null id, so the state's mention
#: becomes theirs, and the role is read after the noun.
_PRIVATE = re.compile(r"の?(会社員|男性|女性|記者|ジャーナリスト|漁船|漁民|漁師|船員|乗組員|市民|住民|留学生|学生|"
                      r"大学教授|教授|研究者|社員|従業員|観光客|旅行者|人権活動家|活動家|実業家|経営者|企業|"
                      r"市民団体|民間人|邦人|人質|少年|少女|個人|団体|銀行|金融機関)"
                      r"(?=[がはもをにとのへ]|によ|ら|[0-9０-９一二三四五六七八九十数]+(人|名|隻|社))")
#: Being somewhere: 「（レバノン）に滞在する」「（中国）に在住の」.
#: What a meeting's name ends on (「ＢＲＩＣＳ首脳会議」): a setting, where its organisation is an actor.
_MEETINGS = ("会議", "会合", "サミット", "総会", "会談", "協議")
_STAYING = re.compile(r"(滞在|在住|駐在|居住|残留|住む|住ん|残る|残っ)")
#: Parts of a state's territory: 「ウクライナ東部の都市を砲撃」 is aimed at the state.
_REGION = re.compile(r"(東部|西部|南部|北部|中部|北東部|北西部|南東部|南西部|全土|各地|国内|領内|本土|周辺|沖|近海|領海|領空)")


@dataclass
class Arg:
    """An actor mention inside one sentence, with its case role."""

    mention: ActorMention
    start: int          # sentence-relative character offsets
    end: int
    case: str           # subj | obj | dat | com | with | gen | from | loc | about | agent | between | skip | coord | none
    particle: str
    leads: bool = False  # 「Xが率いる代表団」: X leads the next subject

    @property
    def key(self) -> str:
        m = self.mention
        return m.id if m.id is not None else f"null:{m.country}:{m.text}"


#: A name's spelling in Latin letters in brackets, between the name and its title: 「（Andrej Babis）」.
_GLOSS = re.compile(r"[（(][A-Za-z][A-Za-z .,'\-]{0,60}[）)]")
#: What may stand before a headline's topic: nothing, or a bracketed dateline or label.
_HEADLINE_HEAD = re.compile(r"^\s*(【[^】]{0,20}】|［[^］]{0,20}］|\[[^\]]{0,20}\])?\s*$")
#: After a genitive, the noun it owns and a topic marker: 「（日本政府）の決定について」.
_OWNER_OF_TOPIC = re.compile(r"の[^、。「」をにがはと]{1,12}?(について|に関して|に関する|をめぐ)")
_COUNT = re.compile(r"の?(約|少なくとも)?[0-9０-９一二三四五六七八九十百千万数]+(人|名|隻|機|社|カ国|か国|ヵ国|ケ国|首脳|外相|国防相|首相)"
                    r"(余り|以上|あまり|全員)?(の?(政府|首脳|外相|国防相))?(?=[がはもをにとのへ])")  # 「…、メキシコの3カ国政府は」「人質２０人全員を」「…エリトリアの３首脳は」
_EXAMPLES_OF = re.compile(r"など(?:の)?[^、。「」をがはにでと]{0,10}?(各国|諸国|国々|首脳ら|政府|友好国|同盟国|関係国|有志国)(は|が|と|に)")
_RA_GROUP = re.compile(r"ら(?![がはもをにとの])[^、。「」]{1,30}?(員|者|団|陣|一行|幹部|代表)(が|は)")
#: A name in a postpositional phrase that qualifies a noun (「（中国の）台湾周辺での（演習）」「日本への（輸出）」):
#: the genitive before it is the noun's, not the name's.
PHRASE_OF = re.compile(r"[^、。「」をがはにでとの]{0,4}(での|への|からの|までの|との間の)")
_JAPANESE = re.compile(r"[ぁ-ゖァ-ヺ\u4e00-\u9fff]")
_TITLE_RUN = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff・]{0,15}(?=[ぁ-ゖ、])")


def read_case(text: str, end: int, person: bool = False, named: bool = True) -> tuple[str, str, int]:
    """The particle right after ``end`` in ``text``: (case, particle, particle end).

    After a person's name a run of kanji before the particle is a title the
    dictionary did not know (「金英哲党副委員長が」) and is passed over.
    """
    i = end
    if person:
        m = _TITLE_RUN.match(text, i)
        if m:
            i = m.end()
    # an age or reading in brackets (「ノ氏（49）が」), closing brackets, and suffixes that keep the role
    if i < len(text) and text[i] in "（(":
        close = min((j for j in (text.find("）", i), text.find(")", i)) if j != -1), default=-1)
        if 0 < close - i <= 12 or (0 < close - i <= 160 and not _JAPANESE.search(text, i, close)):
            i = close + 1  # a long one only if all Latin: the name in English (「（H.E. Mr. …）と」)
    while i < len(text) and text[i] in ")）」』 \u3000":
        i += 1
    m = _RA_GROUP.match(text, i) or _EXAMPLES_OF.match(text, i)
    if m:  # 「韓成烈氏ら北朝鮮外務省で対米関係を担当する幹部職員が」: he heads the group; 「ブラジルや
        # コロンビアなど中南米の各国は」「米国や日本など友好国と」: the states named stand for it
        return {"と": "com", "に": "dat"}.get(m.group(2), "subj"), m.group(2), m.end()
    for _ in range(3):  # 「日米韓3カ国の外相は」: a count, then the people of the states
        before = i
        if not person or text.startswith("ら", i - 1):  # 「高等弁務官ら外交官6人を」: the group he heads
            m = _SPOKESPEOPLE.match(text, i) or _REGION.match(text, i) or (named and _NAMED_OFFICIAL.match(text, i))
            if m:
                i = m.end()
        for suffix in _SKIP_AFTER_AT.get(text[i:i + 1], ()):
            if text.startswith(suffix, i):
                i += len(suffix)
                break
        m = _COUNT.match(text, i)
        if m:  # 「自民党議員3人が」: how many does not change the role
            i = m.end()
        if i == before:
            break
    for particle, case in _PARTICLES_AT.get(text[i:i + 1], ()):
        if text.startswith(particle, i):
            return case, particle, i + len(particle)
    return "none", "", i


#: A title run in kanji right after a party or body named in it: 「（中国共産党）中央政治局委員兼外交部長」.
_KANJI_TITLE = re.compile(r"[\u4e00-\u9fff]{2,}")
#: A transcript's speaker label opening a turn (「【外務報道官】」「【横井外務報道官】」), up to its name
#: (or a name and a colon: 「林官房長官：」).
_SPEAKER_LABEL = re.compile(r"[ 　]*【[^】。、]{0,12}")


def build_args(text: str, mentions: list[tuple[int, int, ActorMention]]) -> list[Arg]:
    """Args for the mentions of one sentence (offsets relative to ``text``), in order."""
    args: list[Arg] = []
    merged: list[tuple[int, int, ActorMention]] = []
    line = find_dateline(text[:40]) if text.lstrip().startswith(("【", "［", "[")) else None
    for start, end, mention in mentions:
        if line is not None and line.start <= start < line.end:
            continue  # 「【ロンドン時事】」: where the story was filed, no one acting in it (a speaker's 【…】 acts)
        if merged and (merged[-1][1] == start or _GLOSS.fullmatch(text, merged[-1][1], start)) \
                and merged[-1][2].id == mention.id and mention.id is not None and mention.kind == "person":
            # 「バイデン」+「米大統領」, 「アンドレイ・バビシュ（Andrej Babis）」+「首相」: one person
            merged[-1] = (merged[-1][0], end, merged[-1][2])
        elif merged and merged[-1][1] == start and merged[-1][2].kind == "person" and mention.kind == "person" \
                and mention.rule == "state-title" and merged[-1][2].country == mention.country:
            # 「トランプ米大統領」 in a later year: the title describes the man named, whoever held it then
            merged[-1] = (merged[-1][0], end, merged[-1][2])
        elif merged and merged[-1][1] == start and merged[-1][2].kind == "person" and mention.kind == "organisation" \
                and merged[-1][2].country == mention.country and _KANJI_TITLE.match(text, end):
            # 「王毅中国共産党中央政治局委員兼外交部長」: the party is part of the man's title, not an actor
            merged[-1] = (merged[-1][0], end, merged[-1][2])
        else:
            merged.append((start, end, mention))
    for n, (start, end, mention) in enumerate(merged):
        private = _PRIVATE.match(text, end) if mention.kind in ("state", "group") \
            and mention.id in (None, mention.country) else None
        if private:
            end = private.end()
            mention = ActorMention(mention.start, mention.start + end - start, text[start:end], None, mention.country,
                                   kind="group", sector="CIV", rule="private")
        # (a leader named by a compound, 「日米首脳会談」, has no title of its own to pass over)
        person = mention.kind == "person" and mention.rule != "compound"
        case, particle, pend = read_case(text, end, person=person)
        if mention.kind == "person" and _MEMORIAL.match(text, end):
            case = "modifier"  # 「ホメイニ師廟を訪れた」: a place named for the dead, no one met
        elif mention.rule == "posted" and mention.kind == "state" and particle == "も":
            case = "obj"  # 「自国の駐カナダ大使も召還した」: the envoy called home too, not one who acts
        if n + 1 < len(merged) and merged[n + 1][0] < pend:
            # the name after 「の」 is in the dictionary: it acts itself (「アメリカのポンペイオ長官と」)
            case, particle, pend = read_case(text, end, person=person, named=False)
        if particle == "では" and mention.kind in ("organisation", "group") and not mention.text.endswith(_MEETINGS):
            case = "subj"  # 「同会では…糾弾集会を行なっている」: an organisation's では is its doing (not a
            # meeting's, 「ＢＲＩＣＳ首脳会議では、…が会談を行った」: where others act)
        elif particle == "に" and mention.kind in ("state", "place", "capital") and mention.sector is None \
                and _STAYING.match(text, pend):
            case = "loc"  # 「レバノンに滞在する邦人」: where people are, not whom an act is aimed at (but an
            # embassy one is posted to is the state it serves: 「…高等弁務官事務所に駐在する武官」)
        if case == "none" and (_SPEAKER_LABEL.fullmatch(text, 0, start) and text.startswith("】", end)
                               or not text[:start].strip() and text.startswith(("：", ":"), end)) \
                and mention.kind in ("state", "person") and mention.sector != "MEDIA":
            case, particle = "subj", "は"  # 「【外務報道官】…遺憾です」: the turn of the one named, who speaks
        arg = Arg(mention, start, end, case, particle)
        if case == "subj" and text.startswith("率いる", pend):
            arg.leads = True
        args.append(arg)
    for a in args:  # 「日本政府の決定について」: whose act is the topic is what the topic is about
        if a.case == "gen" and _OWNER_OF_TOPIC.match(text, a.end):
            a.case = "about"
    # Coordination and modifiers, right to left so chains resolve.
    for k in range(len(args) - 2, -1, -1):
        a, b = args[k], args[k + 1]
        pend = read_case(text, a.end, person=a.mention.kind == "person")[2]  # where a's particle ends
        gap = _gap(text, pend, b)
        if a.start == b.start and a.end == b.end:
            a.case, a.particle = b.case, b.particle  # 「両国の」「双方は」: one word for two, one role
        elif a.case == "none" and a.mention.kind in ("group", "organisation") and b.mention.kind in ("group", "organisation") \
                and a.mention.country == b.mention.country and _APPOSITION.fullmatch(text, a.end, b.start):
            a.case = "modifier"  # 「反政府勢力「即応支援部隊」（ＲＳＦ）は」: one body, described and named
        elif a.case == "none" and b.start == a.end and (a.mention.rule == b.mention.rule == "compound" or (
                a.mention.kind, b.mention.kind) in (("organisation", "state"), ("state", "organisation"))):
            a.case, a.particle = b.case, b.particle  # 「朝露間の」「日米韓は」「ＮＡＴＯロシア理事会の」
        elif a.case in ("coord",) and (gap <= 1 or b.mention.kind == "person" and _CLAUSE_ON.fullmatch(text, pend, b.start)):
            # (a person described by a clause, 「李強首相、外交を統括する王毅政治局員とも」, is still listed)
            a.case = b.case
            if b.case == "modifier":  # 「インドのモディ首相、パキスタンのシャリフ首相と」: the role of the name B modifies
                head = next((c for c in args[k + 1:] if c.case != "modifier"), None)
                a.case = head.case if head is not None else a.case
                a.particle = head.particle if head is not None else a.particle
        elif a.case == "com" and gap == 0 and a.particle == "と" and b.case in ("subj", "gen", "obj", "dat", "agent",
                                                                               "from", "about", "with", "between"):
            # 「AとBが」「AとBの会談」: coordination, unless B is the co-participant itself
            a.case = b.case if b.case != "gen" else "gen"
        elif a.case == "com" and a.particle == "と" and text.startswith("、", a.end + 1) \
                and all(c.case in ("com", "modifier", "none") for c in args[:k]) \
                and _FIRST_SUBJECT_AFTER(args[k + 1:]) is not None:
            # 「トランプ米大統領と、北朝鮮の最高指導者である金正恩委員長は」: a sentence that opens on
            # 「Aと、」 names the two who act; its first subject is A's partner
            a.case = "subj"
        elif a.case == "com" and (gap == 0 or _described(text, pend, b)) and a.particle == "と" and b.case == "modifier":
            # 「AとCのBは」: B, which C's name modifies, is what A is coordinated with
            head = next((c for c in args[k + 1:] if c.case != "modifier"), None)
            if head is not None and head.case in ("subj", "obj", "dat", "between"):
                a.case = head.case
        elif a.case == "gen" and (gap <= 4 or _described(text, pend, b)) and not (b.case == "none" and b.mention.kind != "person") \
                and not (b.mention.kind == "group" and b.mention.country is None) \
                and not any(ch in text[a.end:b.start] for ch in "、。「」") \
                and not PHRASE_OF.match(text, b.end) \
                and not text[a.end + 1:b.start].endswith(("で", "を", "に", "が", "は", "へ")):
            # (not 「インド軍の砲撃で民間人が」: a particle closes the noun インド軍 qualifies; nor
            # 「スウェーデンのＮＡＴＯ加盟」: a body named inside the compound noun the genitive owns)
            a.case = "modifier"
    for a in args:  # 「デンマークや自治政府は」: listed with a body the linker does not know, the subject still
        if a.case in ("coord", "com") and a.particle in ("や", "と") \
                and (m := _UNNAMED_PARTNER.match(text, a.end + len(a.particle))) \
                and not any(a.end < b.start < m.end() for b in args):
            a.case, a.particle = "subj", m.group(1)
    if args and args[0].particle == "、" and _HEADLINE_HEAD.match(text[:args[0].start]) \
            and not (len(args) > 1 and args[1].start == args[0].end + 1 and args[1].particle in "、とや・") \
            and not any(a.case == "subj" for a in args):
        args[0].case, args[0].particle = "subj", "は"  # 「中国外務省、日本に抗議」: a headline's comma is its は
    return args


#: After a person's name, a place named for them: 「（ホメイニ師）廟」「（毛沢東）記念堂」「（安重根）の墓」.
_MEMORIAL = re.compile(r"(の)?(霊廟|廟|墓所|墓地|墓|記念館|記念堂|記念碑|記念公園|銅像|像|生家|旧居)")
#: After 「Aや」「Aと」, a body no name stands for and the subject's particle: 「（デンマークや）自治政府は」
#: 「（米国と）同盟国は」.
_UNNAMED_PARTNER = re.compile(r"[^、。「」をがはにでとのや\s]{0,6}(?:国|政府|当局|軍|側|首脳|議会|省|団体|機関|指導部)(は|が)")
#: Between a body's description and its name, or its name and its abbreviation: 「」（）.
_APPOSITION = re.compile(r"[」』）)]?[「『（(]?")


def _FIRST_SUBJECT_AFTER(args: list[Arg]) -> Arg | None:
    """The first subject among ``args`` if nothing but modifiers and unmarked names come before it."""
    for b in args:
        if b.case == "subj" and b.particle in ("は", "が"):
            return b
        if b.case not in ("modifier", "none", "gen"):
            return None
    return None


def _gap(text: str, pend: int, b: Arg) -> int:
    """Characters between the end of a name's particle (``pend``) and b's start."""
    if text[pend:b.start] in _CONJUNCTIONS:
        return 0  # 「エジプトとカタール、それにアメリカに」: a conjunction joins as 「、」 does
    return max(0, b.start - pend)


def _described(text: str, pend: int, b: Arg) -> bool:
    """Between the end of a name's particle (``pend``) and b only a noun that describes b:
    「（アフガニスタン）の|イスラム主義勢力|（タリバン）」「（国軍）と|準軍事組織「|（即応支援部隊）」."""
    m = _DESCRIPTOR.fullmatch(text, pend, b.start)
    # (a state only by what it is to the other: 「コンゴ民主共和国と隣国ルワンダの外相」「同盟国米国」)
    return m is not None and (b.mention.kind in ("organisation", "group", "person")
                              or b.mention.kind == "state" and m.group().endswith("国")
                              or b.mention.rule == "organ")  # 「…のイスラム主義勢力タリバン暫定政権」


#: A short relative clause describing the name after it: 「外交を統括する（王毅氏）」「交渉を担当した（…）」.
_CLAUSE_ON = re.compile(r"[^、。「」はがもでと]{1,14}?(する|した|している|していた|を務める|を務めた)")
_DESCRIPTOR = re.compile(r"[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{1,10}[「『]?")
_CONJUNCTIONS = ("それに", "および", "及び", "ならびに", "並びに", "さらに", "また")


def coordinated_before(args: list[Arg], a: Arg) -> list[Arg]:
    """``a`` and the names joined to it before: 「ロシアと北朝鮮の（軍事協力）」."""
    group = [a]
    for b in reversed(args[:args.index(a)]):
        if (b.particle not in ("と", "、", "や", "・") or b.end + len(b.particle) != group[0].start) \
                and not (b.end == group[0].start and b.case == group[0].case):  # (「ＮＡＴＯロシア（理事会）」)
            break
        group.insert(0, b)
    return group
