"""Relations an article claims between its entities, each with its evidence span.

Patterns (data/relation_cues.yaml) look at the words between two mentions:
"X التابع لـ Y" (part of / member of / affiliated with), "X المدعوم روسياً",
"X الموالية لـ Y" (sponsored by), "قائد [ميليشيا] Y … ، P", "P قائد Y",
"Y على رأسهم … P" (leads), "P قيادي في Y" (member of), and 'القيادي في التنظيم "P"' with the group
the bare noun refers back to.
"""
from __future__ import annotations

import bisect
from functools import cached_property

from marsad.arabic.tokenize import has_line_break
from marsad.config import Options, load_data_yaml
from marsad.extract.lexicon import entry_key, token_keys
from marsad.model import Document, Mention, Relation, Span

GROUPS = ("ARMED_GROUP", "STATE", "ORGANIZATION")
FORCES = ("ARMED_GROUP", "ORGANIZATION")


class RelationExtractor:
    name = "relations"
    requires = ("tokens", "mentions", "entities")
    provides = ("relations",)

    def __init__(self, options: Options):
        self.options = options

    @cached_property
    def cues(self) -> dict[str, frozenset[str]]:
        raw = load_data_yaml("relation_cues.yaml", self.options)
        entity_cues = load_data_yaml("entity_cues.yaml", self.options)
        raw["group_anaphors"] = entity_cues["group_anaphors"]
        raw["units"] = list(entity_cues["units"])
        raw["group_nouns"] = entity_cues["group_nouns"]
        cues = {k: frozenset(entry_key(w) for w in v) for k, v in raw.items()}
        # (with and without the article, as a token's keys read it: the article tells the adjective)
        cues["adjective_cues"] = frozenset(entry_key(form) for w in (*raw["part_of"], *raw["sponsored_by"])
                                           if w.startswith("ال") for form in (w, w.removeprefix("ال")))
        return cues

    @cached_property
    def actors(self):
        from marsad.resolve.kb import ActorBase
        return ActorBase.load(self.options)

    def _is_unit(self, mention: Mention, tokens, at: int) -> bool:
        """A unit of a state's forces, not a militia loyal to it: a known state force ("الفرقة
        الرابعة"), or a numbered formation ("الفرقة 11")."""
        actor = self.actors.get(mention.kb_id)
        if actor is not None:
            return actor.kind == "state_force"
        return bool(token_keys(tokens[at]) & self.cues["units"]) and any(c.isdigit() for c in mention.text)

    def __call__(self, doc: Document) -> None:
        tokens = doc.tokens
        keys = [token_keys(t) for t in tokens]
        starts = [t.span.start for t in tokens]
        tok_of = lambda m: bisect.bisect_left(starts, m.span.start)  # noqa: E731
        ments = [(tok_of(m), _tok_end(starts, m), m) for m in doc.mentions]
        types = {e.id: e.type for e in doc.entities}
        found: dict[tuple[str, str, str], Relation] = {}
        wholes: dict[str, list[str]] = {}   # a unit -> the forces it is told to be in

        def add(rtype: str, head: Mention, tail: Mention, evidence: Span) -> None:
            if head.entity_id == tail.entity_id or head.entity_id is None or tail.entity_id is None:
                return
            if self.actors.is_generic(head.kb_id) or self.actors.is_generic(tail.kb_id):
                return   # "قيادي سابق في فصائل المعارضة": a kind of group, no unit to belong to
            if types.get(head.entity_id) == "PERSON" and rtype == "PART_OF":
                rtype = "MEMBER_OF"
            if types.get(tail.entity_id) == "STATE" and rtype == "PART_OF" and not self._is_unit(head, tokens, tok_of(head)):
                rtype = "AFFILIATED_WITH"   # "الدفاع الوطني التابعة للنظام"; but "الفرقة 11 التابعة لقوات النظام" is a unit
            found.setdefault((rtype, head.entity_id, tail.entity_id),
                             Relation(rtype, head.entity_id, tail.entity_id, evidence, doc.doc_id))

        for n in range(len(ments) - 1):
            s, e, m = ments[n]
            s2, e2, m2 = ments[n + 1]
            if s2 - e > 8 or has_line_break(doc.text, m.span.end, m2.span.start):
                continue   # (a claim is told within a paragraph: not 'الباب.\n\nهدنة برعاية "الفيلق الثالث"')
            words = set().union(*keys[e:s2]) if s2 > e else set()
            span = Span(m.span.start, m2.span.end)
            t1, t2 = types.get(m.entity_id), types.get(m2.entity_id)
            gap = [k for k in range(e, s2) if tokens[k].is_word]
            # an adjective cue ("التابع", "المدعومة") agrees with the noun right before it; a verb or
            # a preposition ("يتبع", "أسست بإشراف") may stand further on
            first_words = set().union(*(keys[k] for k in _adjective_slot(tokens, e, s2)))
            cue_words = first_words | (words - self.cues["adjective_cues"])
            if words & self.cues["pronoun_subjects"]:
                cue_words = set()
            if (t1 == "PERSON" and gap and tokens[gap[0]].norm.startswith("و") and n > 0 and s - ments[n - 1][1] <= 8
                    and (joined := set().union(*(keys[k] for k in gap[:3]))) & (self.cues["part_of"] | self.cues["sponsored_by"])
                    and types.get(ments[n - 1][2].entity_id) in GROUPS):
                # 'سيوف الكرامة التي يقودها المدعو "عبد الحكيم الطيراوي" والتابعة لفرع الأمن العسكري', "يقودها
                # المدعو P وتعمل تحت مظلة Y": the joined clause goes on describing the group before, not its leader
                m = ments[n - 1][2]
                t1, span, cue_words = types.get(m.entity_id), Span(m.span.start, m2.span.end), joined
            if t1 in FORCES and t2 in FORCES and [tokens[k].norm for k in gap] == ["في"]:
                # "فوج الحماية في قوات سوريا الديمقراطية", "جهاز الأمن العام في هيئة تحرير الشام"
                add("PART_OF", m, m2, span)
                wholes.setdefault(m.entity_id, []).append(m2.entity_id)
            elif t1 in (*GROUPS, "PERSON") and t2 in GROUPS and (
                    cue_words & self.cues["part_of"] or self._belongs_told_before(tokens, keys, s, gap)):
                # X التابع لـ Y (not "X أيضاً، في مركز الأمن العام التابع للحرس": the centre is)
                for head in (m, *_coordinated(ments, n, keys, types, doc.tokens, self.cues["part_of"])):
                    add("PART_OF", head, m2, Span(head.span.start, m2.span.end))
            elif t2 in GROUPS and self._founded(keys, gap):
                add("SPONSORED_BY", m, m2, span)
            elif (cue_words & self.cues["sponsored_by"] and t1 in FORCES and t2 in GROUPS
                  and not self._backs_the_clause(tokens, keys, e, s2)):
                # X المدعوم روسياً / X الموالية لإيران, with "X1 وX2 المدعومين" applying to both; the
                # cue follows X ("الميليشيات الموالية لإيران، هي تهديد للقوات الموالية لروسيا": the
                # second cue is another noun's)
                for head in (m, *_coordinated(ments, n, keys, types, doc.tokens, self.cues["sponsored_by"])):
                    add("SPONSORED_BY", head, m2, Span(head.span.start, m2.span.end))
            elif t1 in FORCES and t2 == "STATE" and len(gap) <= 2 and words & self.cues["led_by"]:
                add("LEADS", m2, m, span)   # "التحالف الدولي بقيادة الولايات المتحدة"
            elif t1 == "PERSON" and t2 in GROUPS:
                # P قائد [ميليشيا] Y / P قيادي في Y / P من أبرز رجال Y; not "أحمد الشرع وقائد "قسد" مظلوم
                # عبدي", where the role joined by و is the next person's
                # ("التقى شويغو برئيس النظام السوري": a role with a preposition glued on is someone met)
                joined = any(tokens[k].norm.startswith(("و", "ب", "ل")) and keys[k] & (self.cues["leader"] | self.cues["member"])
                             for k in range(e, s2))
                # (a role right after the name: not "أعلن الرئيس جو بايدن، اليوم، مقتل زعيم تنظيم الدولة";
                # a loyalty may be told in a relative clause: "والذي يعتبر من أبرز رجال Y")
                # (within the sentence: not "… بوتين قمة. وقال رئيس جهاز الاستخبارات التركي")
                end = next((k for k in range(e, s2) if tokens[k].norm in SENTENCE_ENDS), s2)
                near = set().union(*(keys[k] for k in [k for k in range(e, end) if tokens[k].is_word][:ROLE_WORDS]))
                for cue, rtype in (("leader", "LEADS"), ("member", "MEMBER_OF"), ("affiliated", "AFFILIATED_WITH")):
                    if (words if cue == "affiliated" else near) & self.cues[cue] and not joined:
                        add(rtype, m, m2, span)
                        break
            elif t1 in GROUPS and (t2 == "PERSON" or t2 == "LOCATION" and n + 2 < len(ments)):
                # قائد [ميليشيا] Y … ، P   and   Y على رأسهم … P   and   Y يقودها P; the group's
                # branch may come between: "قائد ميليشيا الدفاع الوطني في دير الزور، المدعو P"
                if t2 == "LOCATION":
                    s3, _, m3 = ments[n + 2]
                    branch = any(tokens[k].norm == "في" or tokens[k].norm.startswith("ب") for k in range(e, s2 + 1))
                    # ("قائد فوج الحماية في قسد بمقاطعة قامشلو، والمقاتل رودي أحمد": "و" opens another's role)
                    joined = any(tokens[k].is_word and tokens[k].norm.startswith("و") and not keys[k] & self.cues["led_by"]
                                 for k in range(e2, s3))
                    if types.get(m3.entity_id) != "PERSON" or s3 - e2 > 4 or not branch or joined:
                        continue
                    words |= set().union(*keys[e2:s3])
                    m2 = m3
                # the two words before the group, quotes aside: "قائد ميليشيا X", 'القيادي في "X"'
                # ("القيادي السابق في الجيش الحر، محمد الشريف": a qualifier of the role is read past)
                # (not across a paragraph: "… لعنب بلدي.\n\nويقود "اللواء الثامن" أحمد العودة")
                words_before = [k for k in range(max(0, s - 6), s) if tokens[k].is_word
                                and not keys[k] & self.cues["role_qualifiers"]
                                and not has_line_break(doc.text, tokens[k].span.end, m.span.start)]
                lead = words_before[-2:]
                before = set().union(*(keys[k] for k in lead))
                start = tokens[lead[0]].span.start if lead else m.span.start
                # "مسؤول التواصل في "هيئة تحرير الشام"، ضياء العمر": a post in the group, whatever its title
                post_in = (len(words_before) >= 3 and tokens[words_before[-1]].norm == "في"
                           and bool(keys[words_before[-3]] & (self.cues["leader"] | self.cues["member"])))
                branch_of = self._branch_of(tokens, keys, ments, n, types)
                prev = ments[n - 1] if n > 0 and types.get(ments[n - 1][2].entity_id) in GROUPS else None
                told = [k for k in range(prev[1], s) if tokens[k].is_word] if prev is not None else []
                # (and "X، ينضوي في صفوف Y، ويقوده P": the joined verb goes on telling of X)
                joined_lead = any(tokens[k].norm.startswith("و") and keys[k] & self.cues["led_by"] for k in gap)
                backer = prev is not None and (before & self.cues["sponsored_by"] or self._founded(keys, told)
                                               or joined_lead and any(keys[k] & self.cues["part_of"] for k in told))
                if self._unnamed_led(tokens, keys, gap):
                    continue   # "ومسلحين من مجموعة محلية يتزعمها P": he leads a group left unnamed
                role = next((k for k in lead if keys[k] & self.cues["leader"]), None)
                if role is not None and n > 0 and types.get(ments[n - 1][2].entity_id) == "PERSON" \
                        and ments[n - 1][1] == role and not words & self.cues["led_by"] \
                        and not tokens[role].norm.startswith(("ب", "ل", "و")):
                    # "أحمد العودة قائد اللواء الثامن، والعميد لؤي العلي": the role is the name's before (not
                    # "شويغو برئيس النظام", someone met, nor "الشرع وقائد "قسد" مظلوم عبدي", the next one's)
                    continue
                if branch_of is not None and not words & self.cues["led_by"]:
                    # "قائد فيلق القدس في الحرس الثوري إسماعيل قاآني": he leads the branch, not the whole
                    add("LEADS", m2, branch_of, Span(branch_of.span.start, m2.span.end))
                elif prev is not None and len(told) <= 2 and any(keys[k] & self.cues["part_of"] for k in told) \
                        and self._led_role_before(tokens, keys, prev[0]):
                    # "قائد مجلس عين عيسى العسكري التابع لـ"قسد"، شيروان كلو": he leads the unit, not the whole
                    add("LEADS", m2, prev[2], Span(prev[2].span.start, m2.span.end))
                elif words & self.cues["led_by"] and backer:
                    # "لواء أنصار الحق المدعومة من إيران ويقودها المدعو حسين", "ميليشيا محلية شكّلها الحرس
                    # الثوري، ويقودها المدعو P": who leads the group, not its backer
                    add("LEADS", m2, prev[2], Span(prev[2].span.start, m2.span.end))
                elif before & (self.cues["leader"] | self.cues["leads_before"]) or words & (self.cues["heads"] | self.cues["led_by"]):
                    add("LEADS", m2, m, Span(start, m2.span.end))
                    if before & self.cues["led_by"] and n > 0 and types.get(ments[n - 1][2].entity_id) in GROUPS:
                        # "قوات العشائر التي يتزعمها شيخ قبيلة العكيدات إبراهيم الهفل": he leads both
                        add("LEADS", m2, ments[n - 1][2], Span(ments[n - 1][2].span.start, m2.span.end))
                elif before & self.cues["member"] or post_in:
                    add("MEMBER_OF", m2, m, Span(tokens[words_before[-3]].span.start if post_in else start, m2.span.end))
                    if prev is not None and any(keys[k] & self.cues["led_by"] for k in told[:2]):
                        # "كتائب درع الجبل، التي يقودها الضابط السابق في الفرقة الرابعة رامي عيسى": he
                        # leads the group before, and belongs to the one his role names
                        add("LEADS", m2, prev[2], Span(prev[2].span.start, m2.span.end))
        names = {e.id: e.name_ar for e in doc.entities}
        self._through_anaphors(tokens, keys, ments, types, names, add)
        for (rtype, head, unit), rel in list(found.items()):
            # who leads or belongs to a unit "in" a larger force is a member of it: "دلشاد حسو، قائد
            # فوج الحماية في قوات سوريا الديمقراطية"
            if rtype in ("LEADS", "MEMBER_OF") and types.get(head) == "PERSON":
                for whole in wholes.get(unit, ()):
                    found.setdefault(("MEMBER_OF", head, whole), Relation("MEMBER_OF", head, whole, rel.evidence, doc.doc_id))
        doc.relations = list(found.values())

    def _backs_the_clause(self, tokens, keys, lo: int, hi: int) -> bool:
        """"… مع "الفيلق الثالث" التابع للجيش الوطني، بإشراف مباشر من الاستخبارات التركية": a backing
        told after a comma is the act's, not the group's."""
        cue = next((k for k in range(lo, hi) if keys[k] & self.cues["sponsored_by"]), hi)
        return any(tokens[k].norm in ("،", ",") for k in range(lo, cue)) and not keys[cue] & self.cues["adjective_cues"]

    def _belongs_told_before(self, tokens, keys, at: int, gap: list[int]) -> bool:
        """'وتتبع "سرايا حماة الجبل" لـ"المجلس العسكري"': the verb of belonging before the first name,
        only "لـ" between the two."""
        before = next((k for k in range(at - 1, max(-1, at - 3), -1) if tokens[k].is_word), None)
        return (before is not None and bool(keys[before] & self.cues["part_of"])
                and [tokens[k].norm for k in gap] == ["ل"])

    def _led_role_before(self, tokens, keys, at: int, words: int = 1) -> bool:
        """Whether a leader's title stands among the `words` words before the mention at token `at`
        ("قائد مجلس …"), a qualifier of the role aside."""
        lead = [k for k in range(max(0, at - 3), at) if tokens[k].is_word
                and not keys[k] & self.cues["role_qualifiers"]][-words:]
        return any(keys[k] & self.cues["leader"] for k in lead)

    def _unnamed_led(self, tokens, keys, gap: list[int]) -> bool:
        """Whether a verb of leading in the gap follows a group noun that names no group of the text
        ("مجموعة محلية يتزعمها", "ميليشيا يقودها")."""
        verb = next((n for n, k in enumerate(gap) if keys[k] & self.cues["led_by"]), None)
        return verb is not None and any(keys[k] & self.cues["group_nouns"] for k in gap[max(0, verb - 2):verb])

    def _founded(self, keys, gap: list[int]) -> bool:
        """Whether the words between a group and the next name tell that the name founded it:
        a founding verb with only what the group is before it ("الذي أسسته", "وهي ميليشيا محلية شكلها")."""
        verb = next((n for n, k in enumerate(gap) if keys[k] & self.cues["founded_by"]), None)
        return verb is not None and all(keys[k] & self.cues["founded_intro"] for k in gap[:verb])

    def _branch_of(self, tokens, keys, ments, n: int, types) -> Mention | None:
        """The group a leader is named for when "في" joins it to a larger one before his name:
        "قائد فيلق القدس في الحرس الثوري", "قائد الفرقة 76 في الجيش السوري"."""
        if n == 0:
            return None
        s, _, _ = ments[n]
        ps, pe, prev = ments[n - 1]
        if types.get(prev.entity_id) not in GROUPS or pe + 1 != s or tokens[pe].norm != "في":
            return None
        return prev if self._led_role_before(tokens, keys, ps, words=2) else None

    def _through_anaphors(self, tokens, keys, ments, types, names, add) -> None:
        """'القيادي في التنظيم "أبو عمر الشعيطي"', "القيادي في اللواء وائل البردان": the group a bare
        "التنظيم" refers back to (the last one named before it) is the one the person belongs to or leads."""
        for n, (s, e, m) in enumerate(ments):
            if types.get(m.entity_id) != "PERSON":
                continue
            lead = [k for k in range(max(0, s - 4), s) if tokens[k].is_word]
            anaphor = next((k for k in reversed(lead) if keys[k] & self.cues["group_anaphors"]
                            or keys[k] & self.cues["units_after_in"] and tokens[k - 1].norm == "في"), None)
            if anaphor is None:
                continue
            role = set().union(*(keys[k] for k in lead if k < anaphor))
            rtype = "LEADS" if role & self.cues["leader"] else "MEMBER_OF" if role & self.cues["member"] else None
            # the last group named by that noun: "التنظيم" is "تنظيم الدولة", not the coalition named since
            noun = entry_key(tokens[anaphor].norm.removeprefix("ال"))
            group = next((g for gs, _, g in reversed(ments[:n])
                          if gs < anaphor and types.get(g.entity_id) == "ARMED_GROUP"
                          and noun in {entry_key(w.removeprefix("ال")) for w in names.get(g.entity_id, "").split()[:1]}), None)
            if rtype and group is not None:
                role_at = next(k for k in lead if keys[k] & (self.cues["leader"] | self.cues["member"]))
                add(rtype, m, group, Span(tokens[role_at].span.start, m.span.end))


SENTENCE_ENDS = (".", "!", "?", "؟", "؛")
ROLE_WORDS = 3   # a person's role follows the name: "P، القيادي في Y", "P وهو قائد Y", "P من أبرز رجال Y"
PLURAL_ENDINGS = ("ين", "ون", "ان", "تين", "تان")
_PRONOUN_PREPOSITIONS = frozenset({"له", "لها", "لهم", "لهما", "لهن"})


def _adjective_slot(tokens, lo: int, hi: int) -> list[int]:
    """The words right after a name that can qualify it: the first two, but not a noun joined by
    "و" and what follows it ("والجماعات التابعة له": the groups are), nor a cue whose own
    pronoun tells what it belongs to ("التابعة له")."""
    words = [k for k in range(lo, hi) if tokens[k].is_word][:2]
    if len(words) == 2 and tokens[words[1]].norm.startswith("و"):
        words = words[:1]
    if words and tokens[words[0]].norm.startswith("و"):
        return []
    return [k for k in words if not (k + 1 < len(tokens) and tokens[k + 1].norm in _PRONOUN_PREPOSITIONS)]


def _tok_end(starts: list[int], m: Mention) -> int:
    return bisect.bisect_left(starts, m.span.end)


def _coordinated(ments, n, keys, types, tokens, cue_words) -> list[Mention]:
    """Mentions joined to ments[n] by "و" right before it, when the cue after it is plural or dual
    ("الدفاع الوطني ولواء القدس المدعومين"); a singular one agrees with the last of them only
    ("للمليشيات الإيرانية ومليشيا الدفاع الوطني المدعومة من روسيا")."""
    s, e, m = ments[n]
    s2 = ments[n + 1][0]
    if not any(keys[k] & cue_words and tokens[k].norm.endswith(PLURAL_ENDINGS) for k in range(e, s2)):
        return []
    out = []
    for s0, e0, m0 in reversed(ments[:n]):
        if s - e0 > 2 or types.get(m0.entity_id) not in GROUPS:
            break
        if m.text.startswith("و"):
            out.append(m0)
            s, m = s0, m0
        else:
            break
    return out
