"""A region in three or four sentences, for the profile and the briefing's first slide.

Every number comes from the function the page showing it uses: the counts and the export
share from ``sentra.indicators.headline`` (the headline row), the sector count from
``sentra.aggregate.mix`` (the profile's sector chart), the location quotient from
``sentra.relatedness.region_quotients`` (the Analisis page; for a province or regency the
Sektor page's ``location_quotient``), the peers from ``sentra.similarity`` with the
Analisis page's default basis and scope; each written with ``sentra.formatting`` as there.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sentra import relatedness, similarity
from sentra.aggregate import mix, names_list, scope
from sentra.filters import Filters
from sentra.formatting import fmt_number, fmt_percent
from sentra.i18n import t
from sentra.indicators import Reference, headline, no_data
from sentra.schema import NOT_KNOWN, SECTORS, label

PEERS_NAMED = 2


@dataclass(frozen=True)
class Summary:
    sentences: list[str]
    # the figures behind the sentences, as written there (tests compare them with the pages)
    shown: dict[str, str]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def display_name(ref: Reference, region: str | None, lang: str) -> str:
    """A region's name as the profile's title writes it (kecamatan with "Kec.")."""
    if not region:
        return t("indonesia", lang)
    name = str(ref.regions.at[region, "name"])
    return t("kecamatan_prefix", lang, name=name) if len(region) > 5 else name


def _export_comparison(share: float, parent_share: float, lang: str) -> str:
    """'above', 'below' or 'equal to', judged on the values as written (one decimal)."""
    mine, theirs = round(share, 1), round(parent_share, 1)
    if mine == theirs:
        return t("sum_equal", lang)
    return t("sum_above", lang) if mine > theirs else t("sum_below", lang)


def summarise(
    filtered: pd.DataFrame,
    all_centres: pd.DataFrame,
    ref: Reference,
    filters: Filters,
    region: str | None,
    lang: str,
    profiles: similarity.Profiles | None = None,
) -> Summary:
    """Sentences about ``region`` (None: Indonesia) for the filtered centres; ``profiles``:
    ``similarity.profiles`` of the region's level when the caller has them already."""
    place = display_name(ref, region, lang)
    if region and no_data(all_centres, ref, region[:2]):
        return Summary([t("sum_no_data", lang, place=place)], {})
    inside = scope(filtered, region)
    head = headline(inside, ref, filters, region)
    shown: dict[str, str] = {"sentra": fmt_number(head["sentra"], lang)}
    if pd.isna(head["klaster"]):
        first = t("sum_count", lang, count=head["sentra"], place=place, sentra=shown["sentra"])
    else:
        shown["klaster"] = fmt_number(head["klaster"], lang)
        centres = t("sum_n_centres", lang, count=head["sentra"], n=shown["sentra"])
        clusters = t("sum_n_clusters", lang, count=head["klaster"], n=shown["klaster"])
        first = t("sum_count_clusters", lang, place=place, centres=centres, clusters=clusters)
    if head["illustrative_share"] > 0:
        first = f"{first} {t('sum_illustrative', lang)}"
    sentences = [first]
    if not len(inside):
        return Summary(sentences, shown)

    sectors = mix(inside, "sector")
    top = str(sectors.index[0])
    commodity = mix(inside[inside["sector"] == top], "commodity").index[0]
    sector = label(SECTORS, top, lang)
    shown["sector_n"] = fmt_number(sectors.iloc[0], lang)
    if region:
        national = relatedness.national_counts(all_centres, filters)
        own = scope(relatedness.base(all_centres, filters), region)
        shown["lq"] = fmt_number(relatedness.region_quotients(national, own)[top], lang, 2)
        sentence = t(
            "sum_sector",
            lang,
            count=sectors.iloc[0],
            sector=sector,
            n=shown["sector_n"],
            lq=shown["lq"],
        )
    else:
        sentence = t(
            "sum_sector_national", lang, count=sectors.iloc[0], sector=sector, n=shown["sector_n"]
        )
    if commodity != NOT_KNOWN:  # after the sector's count, which is not the commodity's
        sentence = f"{sentence} {t('sum_mainly', lang, commodity=commodity)}"
    sentences.append(sentence)

    shown["export"] = fmt_percent(head["export_share"], lang, 1)
    if region:
        parent = {2: None, 5: region[:2]}.get(len(region), region[:5])
        parent_head = headline(scope(filtered, parent), ref, filters, parent)
        parent_name = display_name(ref, parent, lang)
        shown["export_parent"] = fmt_percent(parent_head["export_share"], lang, 1)
        sentences.append(
            t(
                "sum_export_vs",
                lang,
                share=shown["export"],
                compared=_export_comparison(
                    head["export_share"], parent_head["export_share"], lang
                ),
                parent=parent_name,
                parent_share=shown["export_parent"],
            )
        )
        level = similarity.level_of(region)
        data = profiles or similarity.profiles(filtered, all_centres, ref, filters, level)
        peers = similarity.similar(data, region, "keduanya", "provinsi", n=PEERS_NAMED)
        if len(peers.table):
            peer_names = [display_name(ref, c, lang) for c in peers.table.index]
            shown["peers"] = names_list(peer_names, lang)
            sentences.append(t("sum_similar", lang, peers=shown["peers"]))
    else:
        sentences.append(t("sum_export", lang, share=shown["export"]))
    return Summary(sentences, shown)
