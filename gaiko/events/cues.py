"""Lexical cues the extractor reads around a trigger: what links an act to the word it is the
object or content of, and the modality around it (conditions, scenarios, promises, pledges,
stances, suspensions). Each is one regular expression with an example of what it matches;
``extractor`` decides what they mean for a frame.
"""

from __future__ import annotations

import re

#: How strongly an evaluation is made, one word or a few (「改めて強く（非難）」「深い（懸念）」).
INTENSITY = (r"(強く|厳しく|改めて|重ねて|再び|一斉に|激しく|厳重に|公然と|直ちに|断固|深く|深い|強い|重大な"
             r"|深刻な|強烈な|大きな|最も|極めて|非常に|繰り返し|一貫して|全面的に|完全に|真っ向から|大規模な|大規模に|本格的な"
             r"|激しい|新たな|一連の|相次ぐ)")
#: Between a nominal trigger and the predicate it is the object of: 「を」 and adverbs (after the
#: quote that names the act: 「「…違法な軍事協力」に強い懸念」).
OBJECT_LINK = re.compile(r"^」?(を|について|をめぐり|をめぐって|に対し|に対して|に対する|への|に)、?"
                          r"(「[^」]{1,40}」(だ|である)?と|「[^」]{1,40}」として)?"
                          rf"「?{INTENSITY}{{0,3}}((言葉|ことば|表現)で)?$")
#: Nouns of an act grown or kept up (「連携強化」「協力を一層強化する」): the act is still what is named.
GROWTH = ("強化", "拡大", "深化", "推進", "発展", "継続", "維持", "促進")
#: Ties that a measure suspends: 「軍事支援を一時停止」「対話を中断」 reduce relations (SANCTION).
RELATIONS = {"AID", "CONSULT", "COOPERATE", "AGREE"}
SUSPENDED = re.compile(r"^(の|を)(一時|全面|事実上|当面|すべて|全て|完全に|一切)?(的に)?(停止|中断|凍結|打ち切|打切|破棄|撤回)")
#: A measure named only as what is lifted: 「制裁の解除」「制裁緩和」.
LIFTED = re.compile(r"^(措置|処分|命令)?(の|を)?(解除|緩和|撤廃|解消)")  # (「輸入停止措置を解除」)
#: Triggers of an agreement coming into force (「両国の停戦が発効した」「和平合意が成立」): the parties are
#: whose agreement it is, never the subject of the sentence before.
IN_FORCE = ("発効", "成立")
#: Around a state's territory: 「台湾周辺で」「日本近海で」.
AROUND = re.compile(r"((との)?国境)?(周辺|近海|沖|付近|近く|を取り囲む|を包囲|沿い)")
#: What an expulsion order asks: 「…までにロシアを離れるよう要請」「…人に国外退去を求める」.
TOLD_TO_LEAVE = re.compile(r"(離れる|退去する|出国する|立ち去る|退去)(よう|ように)$|(国外退去|出国)を$")
#: A condition before a promised act: 「解放しなければ」「合意に達しなかった場合は」.
_CONDITIONS = "なければ|ない場合|なかった場合|ない限り|すれば|した場合|たら"
CONDITION = re.compile(rf"({_CONDITIONS}|[せれけめてね]ば(?![かり]))"
                       r"[はも]?(、|(?=「))")  # (any ば-form, or a quote of what then follows: 「…さらせば「撃墜する」」)
#: Those words (not any ば-form) with or without a comma: 「スペインが応じなければ通商交渉で…」.
ON_CONDITION = re.compile(f"({_CONDITIONS})")
#: An act forgone or called off: 「供与を当面見送る」「首脳会談を中止すると表明」.
FORGONE = re.compile(r"^(の[^、。]{0,6})?(を|は)(当面|今回は|再び|急きょ)?(見送|断念|見合わせ|中止|延期|取りやめ|取り止め|取り消)")
#: Measures announced as a stance, not taken: 「規制をさらに強化する構え」「制裁も辞さない」.
FORCEFUL = {"SANCTION", "ASSAULT", "MOBILIZE", "COERCE"}
#: Force promised in a quote (「…には断固として対処する」「相応の対応を取る」「代償を払わせる」): said with
#: けん制, a threat.
PROMISED_FORCE = re.compile(r"(対処する|対応を取る|対応をとる|措置を取る|措置をとる|代償を払わせる|払わせる|覚悟が?ある"
                            r"|報復する|清算される|追い詰める|後悔する)」")
THREAT_STANCE = re.compile(r"^[^、。]{0,12}?(構え|も辞さない|を辞さない|も排除しない)")
#: A plan said not to exist: 「会談の予定はない」「対話の計画もない」「訪問する考えはありません」.
NO_PLAN = re.compile(r"(予定|計画|方針|意向|考え|見通し)(は|も)(ない|なく|なし|ありません|存在しない)")
#: A nominal act pledged: 「支援を行うと表明」「制裁を科す方針」 (the act is still to come).
PLEDGED = re.compile(r"^を(行う|実施する|供与する|提供する|科す|課す|発動する|実施していく|続ける|再開する|開始する|加える|強化する)(と|方針|考え|意向|予定|ことを(表明|決め|発表))")
#: Aid announced as given later: 「５億ドルの追加支援を表明」 (expressing a protest is protesting; expressing
#: aid is pledging it).
AID_PLEDGED = re.compile(r"^を(改めて|新たに)?(表明|約束|確約|誓約)")
#: An act announced as one's intent (「円借款を供与する方針を伝えた」): reported, not a relative clause.
INTENT_TOLD = re.compile(r"^(する|を行う|を実施する)(方針|考え|意向|予定)(を|だと)(伝え|示|表明|明らかに)")
#: A trigger whose clause is fronted before the sentence's subject: 「抗議して、」「受け、」.
FRONTED = re.compile(r"^(し|さ)?(て|で)?、")
#: Between an argument and a symmetric trigger: the clause that is the agreement's content.
IN_CONTENT = re.compile(r"(こと|よう)(で|を|に)[^、。]{0,4}$")
#: The two sides of a meeting named together: 「双方は」「両者は」.
BOTH_SIDES = re.compile(r"(双方|両者|両氏|両陣営|両外相|両首脳|両大臣|両国防相|両代表)(は|が|とも|も)")
#: Right after a meeting's trigger: what follows was said or done at it (「…首脳会談では、」).
AT_THIS_MEETING = re.compile(r"(で|では|の中で|において|の場で)、?")
#: A sentence that opens on the meeting just reported (「会談では、…で一致した」): what it
#: reports passed between that meeting's sides.
AT_MEETING = re.compile(r"^(この|今回の|同|その後の)?(首脳会談|外相会談|電話会談|会談|協議|会合)(で|では|の中で|において|後|終了後)、?")
#: A sentence whose topic is the joint text of a meeting (「共同声明は」「首脳宣言では」): it speaks
#: for both sides of the meeting it closed.
JOINT_TEXT = re.compile(r"^(この|同|両首脳の|会談後の)?(共同声明|共同宣言|首脳宣言|共同文書|共同コミュニケ)(は|では|には|で)、?")
#: A readout's numbered item (「２　また，石破総理大臣から，…」「（３）両首脳は」): the meeting it reports goes on.
NUMBERED_ITEM = re.compile(r"^[（(]?[0-9０-９]{1,2}[)）．.]?[　 ]")
#: A predicate in attributive form before a noun (「今回発射した飛翔体」): a relative clause. Not
#: before a noun of plan, outlook or time (「会談する予定だ」「訪問する方針」「会談した後」): the
#: subject of those is the sentence's own.
ATTRIBUTIVE = re.compile(r"^(し|さ)?(た|する|される|された|している|していた|されている|されていた)"
                         r"(?!予定|方針|意向|見通し|見込み|構え|方向|考え|計画|際|後|前|時|折|上で|上、)"
                         r"[\u4e00-\u9fff\u30a1-\u30fa]")
#: Between two predicates of one clause chain: 「非難し、「…」と警告した」.
SERIAL_LINK = re.compile(r"^([^、。がは]{0,12}?(し|して|を行い|を表明し|を示し|を伝え|を表し|と述べ|と語り|たうえで|た上で))?、[^。が]{0,60}$")
#: Between a territory and the request for it: 「（対馬）の返還を（要求）」.
RETURN_OF = re.compile(r"^の(返還|返却|引き渡し|明け渡し)を(強く)?$")
#: A trigger that is what a promise, plan or position says: 「提供しないとした約束」「派兵するとの方針」.
PROMISED = re.compile(r"^(、?(または|あるいは|もしくは|や|と)[^、。]{0,8}?)?[^、。]{0,6}?(しない|する|しなかった|せず)"
                       r"(と|との)(した|する|いう)?[^、。]{0,8}?(約束|公約|方針|立場|考え|誓約|確約)")
#: An act named only as what is to be kept from happening: 「（破棄）を防ぐ」「（衝突）を避ける」「（衝突）の回避」,
#: or held back: 「（防衛協力）を制限してきた米国内法」「（交流）を禁じる」.
AVOIDED = re.compile(r"(を|の)(未然に)?(防ぐ|防止|防い|避け|回避|食い止め|制限|禁止|禁じ|禁ず)")
#: An attempt that others block: 「制裁を強化しようとする米国の取り組みを妨害」.
OBSTRUCTED = re.compile(r"^[^、。]{0,10}?(ようとする|ようとした|ようとしている)[^、。]{0,14}?を(妨害|阻止|阻ん|阻む|拒否|拒ん|退け)")
#: A trigger that is what a drill or plan imagines: 「台湾侵攻を想定した」「落下した場合を想定」.
SCENARIO = re.compile(r"^[^、。]{0,16}?(を想定|に備え|を仮定)|^(を受けた|された|した|する)?際の[^、。]{0,12}(訓練|演習)")
#: An act named as what another is for (「中国をけん制する狙い」「…を支援する意図」): an aim, not an act.
AIMED = re.compile(r"^(を)?(する|した|したい|しようとする)?(狙い|ねらい|思惑|意図|目的)")
#: After a predicate: what something else is needed for (「取引を断るには、」「放棄させるためには、」).
PURPOSE = re.compile(r"^([^、。]{0,4}?[るすくうつぬむぶぐ])?(ため)?には、")
#: A trigger that states a condition.
HYPOTHETICAL = re.compile(r"^(を受けた|された|した|する|され|し|を(強行|実施|実行|開始|再開|継続)?)?(場合|ならば|なら|すれば|されれば|れば|たら|としたら)"
                           r"|^(を)?(しなければ|しない場合|しなかった場合|しないなら|しない限り)"
                           r"|^を[^、。「」がは]{0,24}?[たる]場合(は|には)?、"  # 「制裁を復活させる手続きに踏み切った場合、」
                           r"|^(する|される)?(こと)?を[^、。「」は]{0,12}?(れば|たら)、")  # 「（攻撃）を許可すれば、」
                           # 「（攻撃）することを欧米が認めれば、」: what another might allow
#: A trigger a question asks about: 「…に暗殺されるのでは？」「…を攻撃するのか?」 (speculation, not a report).
QUESTIONED = re.compile(r"[^、。「」]{0,8}?(のでは|ではないか|のか|だろうか)(ない(か|でしょうか))?[?？]")
#: A nominal trigger that is what someone weighs, watches or reports, not what they do.
OBJECT_OF_VIEW = re.compile(r"^を[^、。と]{0,6}?(重視|注視|懸念|評価|歓迎|見守|認め|報じ|伝え|発表|公表|明らかに|受け|控え|前に)"
                            r"|^(に|には|にも|を)(応じ|拒|受け入れ|退け|一蹴|断|突っぱね)")  # 「提案には応じない」: another's
#: Acts a state announces as its own: 「中国が軍事演習を発表」 is China's drill, 「両政府は共同声明を発表」 their
#: agreement, 「外務省は抗議声明を発表」 its protest.
OWN_MEASURES = {"MOBILIZE", "SANCTION", "AID", "AGREE", "ACCUSE"}
ANNOUNCED_OWN = re.compile(r"^を[^、。と]{0,6}?(発表|公表|明らかに)")
#: A nominal act that is the topic of what follows (「拘束について」「発射に関し」).
TOPIC_AFTER = re.compile(r"^(について|に関し|に関する|をめぐ)")
#: A sentence that opens as an answer to the act just reported.
ANSWER = re.compile(r"^(これに対し|これに対して|これを受け|これに反発し|これに反論し)(て)?、?")
#: A nominal meeting the subject holds (「首脳会談を行い」「…を終えた」「…に臨んだ」), not one it prepares.
HELD = re.compile(r"^(を(行|終え|開|開催|実施)|に臨)")
#: Between two members of a list of actors: a comma, and the next one's state (「マクロン大統領、ドイツのメルツ首相」).
LIST_GAP = re.compile(r"、[^、。「」はがもをにでと]{0,12}")
#: A nominal act answered by what follows (「（侵攻）を受け、」「（発射）を受けて、」): it has happened, before.
ANSWERED = re.compile(r"(など)?を受け(て)?、")
#: A nominal act the subject suffers (「…攻撃を受けた」), not one it answers (「…侵攻を受け、」「受けて」); a visit
#: it takes in (「…国防次官の訪問を受け入れ」) is one it hosts.
SUFFERED = re.compile(r"^を(受けた|受けている|受けており|受け続け|命じられ|言い渡され|通告され|科され|課され)")  # (「国外退去を命じられた」)
#: What one is given by another named with から or の: 「習主席から訪中の招待を受け」「Xから支援を受けて」
#: 「Xから支持を得た」「米国の支持を取り付けた」.
RECEIVED = re.compile(r"を(受け|得|取り付け)")
#: Measures done to someone: named as a noun, whose they are (「外交官8人の追放」「記者の拘束」) is who
#: suffers them.
DONE_TO = {"SANCTION", "COERCE"}
#: A nominal measure that the clause's subject decides, announces or carries out
#: (「…の国外追放を決めた」「…への制裁案を承認した」「…制裁を発動した」): the subject does it.
DECIDED_MEASURE = re.compile(r"^案?を[^、。と]{0,6}?(決め|決定|発表|公表|承認|採択|可決|発動|実施|命じ|通告|科し|科す|"
                             r"課し|課す|打ち出)")
#: A nominal trigger announced as scheduled by the clause before it.
PLANNED_BEFORE = re.compile(r"(予定される|予定の|予定している|計画中の|予定されている)[^、。]{0,8}$")
#: How far after a past-tense verb a modality marker may stand (「…したとの見方が出ている」).
PAST_REACH = 12


#: Talks named at a level of their own, not necessarily that of those who agree to hold them
#: (「次官級協議」「２プラス２」): held by the states.
OTHER_LEVEL = re.compile(r"次官級|局長級|閣僚級|実務者|事務レベル|ハイレベル|高いレベル|政府間|[2２]\s*(プラス|[+＋])\s*[2２]")
#: The first session of a body (「初会合」「第１回会合」), which the sentence may name before its comma.
FIRST_SESSION = re.compile(r"(初|初回の?|第[1１一]回の?)(会合|会議|協議|対話)$")
#: After a nominal act, what another works toward (「人質解放に向けた交渉」「締結を目指して」): a goal, not done.
TOWARD = re.compile(r"(の実現)?((へ|に)向け(た|て|、)?|を目指(す|し|した))")
#: After a nominal act, doubt that it will happen at all (「停戦合意の実現は見通せない」「首脳会談の実現は困難だ」).
UNREALISED = re.compile(r"の(早期の?)?実現(は|が|には|も)[^。、]{0,12}?(見通せ|困難|不透明|遠の|難し|課題)")

#: Before a place one is at on a visit: 「訪問先の（ドイツで）」「訪問中の（ワシントンで）」: where words are said, not
#: whom they judge.
VISITING = re.compile(r"(訪問先|訪問中|滞在先|滞在中|外遊先|出張先)の$")

#: A reciprocal act: 「互いに」 before it in its clause, or 「…し合う」 after its trigger.
MUTUAL_BEFORE = re.compile(r"(互いに|相互に|双方が互いを|互いを)[^。]{0,30}$")
MUTUAL_AFTER = re.compile(r"(し)?(合|あ)(う|っ|い)|(を|の)応酬")  # (「砲撃を応酬した」)
#: Acts two sides do to each other by their meaning: 「AとBが交戦した」.
RECIPROCAL = {"交戦", "衝突", "銃撃戦", "撃ち合い", "砲撃戦", "戦闘"}
#: Help asked for (「北朝鮮による拉致問題の解決への協力を求め」「…理解と協力を求めた」): asked of the one told or
#: met, not of the agent nor of the one blamed in the clause before.
HELP_ASKED = re.compile(r"(協力|支援|理解|支持|尽力)(を|に)")
#: After a state or its capital, where a meeting is held: 「（ナイジェリア）の首都アブジャで（…会議を開き）」: no one judged.
MET_IN = re.compile(r"(の首都[^、。「」をがは]{1,10}|の[^、。「」をがはにと]{1,10}(市|州|省|県))?で[^、。「」]{0,12}(会議|会合|会談|協議)")
#: Between a name with its への and the noun it goes with, only words that describe the noun: 「（ウクライナへの）揺るぎない（支持）」.
NOUN_GAP = re.compile(r"[^、。「」をがはに]{0,8}")
