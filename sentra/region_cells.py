"""A row's region cells (province, regency name and/or code, kecamatan, desa) → codes.

Never a silent guess: a name that fits several regencies is settled only by another
column that decides it (a province, a kecamatan or desa found in just one of them, or, in
``validation``, coordinates inside just one), and reported otherwise; an unknown name gets
the closest names as suggestions, never as the answer. A code is read as a Kemendagri
code (``33.26`` or ``3326``); in a column headed as BPS codes, where the two numberings
differ (as they do in many provinces), the row's name decides and the report says so. A
code that contradicts the name is an error, never a choice between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sentra.i18n import N_
from sentra.regions import PlaceIndex, RegionMatcher, normalise_code

Message = tuple[bool, str, dict]  # (is an error, message key, params)
_CODE_AND_NAME = re.compile(r"^\s*(\d{2}\s*\.?\s*\d{2})\s*[-–:|]?\s*(\D.*)$")
_NAME_AND_CODE = re.compile(r"^(.*\D)\s*[(\[]\s*(\d{2}\s*\.?\s*\d{2})\s*[)\]]\s*$")


@dataclass(frozen=True)
class RegionCell:
    code: str | None = None
    kecamatan_code: str | None = None
    messages: tuple[Message, ...] = ()
    candidates: tuple[str, ...] = ()  # set when still ambiguous (coordinates may settle it)

    @property
    def failed(self) -> bool:
        return any(is_error for is_error, _, _ in self.messages)


def split_code(text: str) -> tuple[str, str]:
    """'3326 Kab. Pekalongan' or 'Kab. Pekalongan (33.26)' → ('3326', 'Kab. Pekalongan')."""
    for pattern, code_group in ((_CODE_AND_NAME, 1), (_NAME_AND_CODE, 2)):
        match = pattern.match(text)
        if match:
            return match.group(code_group), match.group(3 - code_group).strip()
    return "", text


class RegionResolver:
    def __init__(self, matcher: RegionMatcher, places: PlaceIndex | None = None) -> None:
        self.matcher = matcher
        self.places = places

    def resolve(
        self, province: str, name: str, code: str, kecamatan: str, desa: str, bps: bool
    ) -> RegionCell:
        """``bps``: the code column is headed as BPS codes."""
        msgs: list[Message] = []
        province_code = None
        if province:
            province_code = self.matcher.province(province)
            if province_code is None:
                return RegionCell(messages=((True, N_("v_unknown_province"), {"value": province}),))
        if name and not code:
            if normalise_code(name):
                name, code = "", name
            else:
                code, name = split_code(name)
        found, problem = self._regency(province_code, province, name, code, bps, msgs)
        if problem is not None:
            return RegionCell(messages=(*msgs, problem))
        if isinstance(found, tuple):  # still ambiguous: try the kecamatan or desa columns
            settled = self._by_place(found, name, kecamatan, desa, msgs)
            if settled is None:
                return RegionCell(messages=tuple(msgs), candidates=found)
            found = settled
        if province_code and not found.startswith(province_code + "."):
            shown = name or code
            msgs.append(
                (True, N_("v_region_not_in_province"), {"value": shown, "province": province})
            )
            return RegionCell(messages=tuple(msgs))
        kec = self.kecamatan_of(found, kecamatan, desa, msgs)
        return RegionCell(found, kec, tuple(msgs))

    def _regency(self, province_code, province, name, code, bps, msgs):
        """(code or tuple of candidates, None) or (None, an error message)."""
        m = self.matcher
        known = None
        if code:
            parsed = normalise_code(code)
            known = parsed if parsed and len(parsed) == 5 and parsed in m.names else None
            if known is None and not name:
                return None, (True, N_("v_unknown_code"), {"value": code})
            if known is None:
                msgs.append((False, N_("v_unknown_code_name_used"), {"value": code}))
        if known and not name:
            if bps:
                return None, (True, N_("v_bps_code_needs_name"), {"code": code})
            return known, None
        match = m.regency(name, province_code)
        candidates = (match.code,) if match.code else match.candidates
        if known:
            if known in candidates:
                return known, None
            if not candidates:
                if bps:
                    return None, self._unknown(name, known[:2])
                msgs.append(
                    (
                        False,
                        N_("v_name_not_matched_code_used"),
                        {"value": name, "region": m.label([known])},
                    )
                )
                return known, None
            same = [c for c in candidates if c[:2] == known[:2]]
            if bps and len(same) == 1:
                msgs.append(
                    (
                        False,
                        N_("v_bps_code"),
                        {"code": code, "value": name, "region": m.label(same)},
                    )
                )
                return same[0], None
            return None, (
                True,
                N_("v_code_name_mismatch"),
                {
                    "code": code,
                    "code_region": m.label([known]),
                    "value": name,
                    "region": m.label(candidates),
                },
            )
        if match.code:
            return match.code, None
        if match.candidates:
            return match.candidates, None
        if province_code and (m.regency(name).code or m.regency(name).candidates):
            return None, (
                True,
                N_("v_region_not_in_province"),
                {"value": name, "province": province},
            )
        return None, self._unknown(name, province_code)

    def _unknown(self, name: str, province_code: str | None) -> Message:
        close = self.matcher.suggest(name, province_code)
        if close:
            return (
                True,
                N_("v_unknown_region_suggest"),
                {"value": name, "suggestions": self.matcher.label(close)},
            )
        return (True, N_("v_unknown_region"), {"value": name})

    def _by_place(self, candidates, name, kecamatan, desa, msgs) -> str | None:
        if self.places is None or not (kecamatan or desa):
            return None
        places = self.places
        if kecamatan:
            hits = [c for c in candidates if places.find_kecamatan(c, kecamatan)]
        else:
            hits = [c for c in candidates if places.kecamatan_of_desa(c, desa)]
        if len(hits) != 1:
            return None
        params = {"value": name, "region": self.matcher.label(hits), "place": kecamatan or desa}
        msgs.append((False, N_("v_resolved_by_place"), params))
        return hits[0]

    def kecamatan_of(self, regency: str, kecamatan: str, desa: str, msgs: list) -> str | None:
        """The kecamatan code from the kecamatan column, or from a desa found in only one."""
        if self.places is None or not (kecamatan or desa):
            return None
        region = self.matcher.names.get(regency, regency)
        if kecamatan:
            found = self.places.find_kecamatan(regency, kecamatan)
            if found is None:
                close = self.places.suggest_kecamatan(regency, kecamatan)
                params = {"value": kecamatan, "region": region}
                if close:
                    params["suggestions"] = ", ".join(self.places.names[c] for c in close)
                    msgs.append((False, N_("v_unknown_kecamatan_suggest"), params))
                else:
                    msgs.append((False, N_("v_unknown_kecamatan"), params))
            return found
        holders = self.places.kecamatan_of_desa(regency, desa)
        if not holders:
            msgs.append((False, N_("v_unknown_desa"), {"value": desa, "region": region}))
        return holders[0] if len(holders) == 1 else None
