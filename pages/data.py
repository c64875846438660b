"""Data: the filtered table with downloads; import of officials' files (centres or a regional
table); versions and restore; imported indicators to download."""

from __future__ import annotations

import functools
from typing import NoReturn

import streamlit as st

from sentra import tables
from sentra.formatting import fmt_number
from sentra.i18n import N_, t
from sentra.import_fields import FIELDS, missing_fields, suggest_mapping
from sentra.report import field_list
from sentra.schema import STORED_CENTRE_COLUMNS
from ui import auth, context, data_io, widgets

# The level an imported indicator table is at (``RegionalResult.level``).
IND_LEVELS = {
    "province": N_("ind_level_province"),
    "regency": N_("ind_level_regency"),
    "none": N_("ind_level_none"),
}

ctx = context.get()
lang = ctx.lang


def boundary_names(codes) -> str:
    names = ctx.ref.regions["name"]
    return ", ".join(str(names.get(code, code)) for code in codes)


st.title(t("page_data", lang))

# -- table and downloads -----------------------------------------------------------------
st.subheader(t("table_title", lang))
if not widgets.empty_state(ctx):
    rows = widgets.table_rows(ctx.filtered, lang, N_("table_preview"))
    st.dataframe(
        tables.readable(rows, ctx.ref.regions["name"], lang, STORED_CENTRE_COLUMNS),
        hide_index=True,
        width="stretch",
        height=330,
    )
    widgets.illustrative_note(ctx, widgets.illustrative_share(ctx.filtered))
    key = (ctx.version, ctx.filters.chosen)
    too_many = len(ctx.filtered) > data_io.MAX_ROWS_XLSX_GEOJSON
    downloads = {
        "csv": (N_("download_csv"), "text/csv"),
        "xlsx": (
            N_("download_xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        "geojson": (N_("download_geojson"), "application/geo+json"),
    }
    for col, (kind, (label, mime)) in zip(st.columns(3), downloads.items(), strict=True):
        col.download_button(
            t(label, lang),
            data=functools.partial(data_io.export_bytes, kind, *key),  # built on click, cached
            file_name=f"sentra-v{ctx.version}.{kind}",
            mime=mime,
            key=f"download_{kind}",
            on_click="ignore",
            disabled=too_many and kind != "csv",
        )
    if too_many:
        limit = fmt_number(data_io.MAX_ROWS_XLSX_GEOJSON, lang)
        st.caption(
            t("export_too_many", lang, limit=limit, rows=fmt_number(len(ctx.filtered), lang))
        )

# -- import (signed-in editors only) ---------------------------------------------------------
account = auth.current_account()
st.subheader(t("import_title", lang))
if message := st.session_state.pop("import_message", None):
    st.success(message)
if account is None:
    st.info(t("sign_in_to_change", lang))
else:
    import_kinds = {"centres": N_("imp_kind_centres"), "regional": N_("imp_kind_regional")}
    kind = st.radio(
        t("imp_kind", lang),
        list(import_kinds),
        format_func=lambda k: t(import_kinds[k], lang),
        horizontal=True,
        key="import_kind",
    )
    st.caption(
        t(
            "import_help" if kind == "centres" else "imp_regional_help",
            lang,
            mb=data_io.MAX_UPLOAD_MB,
        )
    )
    widgets.uploader_in_language(lang, data_io.MAX_UPLOAD_MB)
    nonce = st.session_state.setdefault("upload_nonce", 0)
    uploaded = st.file_uploader(t("upload", lang), key=f"upload_{nonce}")

    def _finish(text: str) -> None:
        st.session_state["import_message"] = text
        st.session_state["upload_nonce"] = nonce + 1
        data_io.forget_checks()

    def _fail(exc: data_io.ImportFileError) -> NoReturn:
        st.error(data_io.file_error_text(exc, lang))
        context.end_page()

    if uploaded is not None:
        data, name, file_id = uploaded.getvalue(), uploaded.name, uploaded.file_id
        sheet_choice = st.session_state.get(f"sheet_{nonce}")
        header_choice = st.session_state.get(f"header_{nonce}_{sheet_choice}")
        try:
            sheet = data_io.once(
                (file_id, sheet_choice, header_choice),
                lambda: data_io.read_upload(data, name, sheet_choice, header_choice),
            )
        except data_io.ImportFileError as exc:
            _fail(exc)
        # Where the table was found, and the choice to change it.
        col_sheet, col_header = st.columns(2)
        if len(sheet.sheets) <= 1:
            col_header = col_sheet
        else:
            col_sheet.selectbox(
                t("imp_sheet", lang),
                sheet.sheets,
                index=sheet.sheets.index(sheet.sheet),
                key=f"sheet_{nonce}",
            )
        if sheet.header_row is not None:
            choices = sheet.header_choices
            col_header.selectbox(
                t("imp_header_row", lang),
                list(choices),
                index=list(choices).index(sheet.header_row),
                format_func=lambda r: t("imp_row", lang, n=r, text=choices[r]),
                key=f"header_{nonce}_{sheet_choice}",
            )
            rows_text = (
                f"{sheet.header_row}–{sheet.header_row + 1}"
                if sheet.header_rows == 2
                else str(sheet.header_row)
            )
            where = t("imp_found_sheet", lang, sheet=sheet.sheet) if sheet.sheet else ""
            st.info(
                t("imp_found", lang, rows=rows_text, n=fmt_number(len(sheet.table), lang))
                + where
                + (" " + t("imp_title", lang, title=sheet.title) if sheet.title else "")
            )

        def _report(result, file_label: str) -> None:
            problems = data_io.report(result, lang)
            if len(problems):
                st.dataframe(
                    widgets.table_rows(problems, lang, N_("problems_preview")),
                    hide_index=True,
                    width="stretch",
                    height=widgets.table_height(len(problems), 6),
                )
                st.download_button(
                    t("download_report", lang),
                    data=functools.partial(data_io.report_csv, problems),
                    file_name=f"laporan-{file_label}.csv",
                    mime="text/csv",
                    on_click="ignore",
                )

        if kind == "centres":
            suggested = suggest_mapping(list(sheet.table.columns))
            missing = missing_fields(suggested)
            with st.expander(t("mapping", lang), expanded=bool(missing)):
                options = ["", *sheet.table.columns]
                mapping = {}
                grid = st.columns(4)
                for i, field in enumerate(FIELDS):
                    mapping[field] = (
                        grid[i % 4].selectbox(
                            t(f"field_{field}", lang),
                            options,
                            index=options.index(suggested[field] or ""),
                            format_func=lambda c: c or t("not_mapped", lang),
                            key=f"map_{nonce}_{sheet.sheet}_{sheet.header_row}_{field}",
                        )
                        or None
                    )
            missing = missing_fields(mapping)
            if missing:
                st.error(t("imp_missing_fields", lang, fields=field_list(missing, lang)))
                context.end_page()
            try:
                _, result = data_io.once(
                    (file_id, sheet.sheet, sheet.header_row, *mapping.items()),
                    lambda: data_io.check_centres(sheet, name, mapping),
                )
            except data_io.ImportFileError as exc:
                _fail(exc)
            valid = len(result.rows)
            st.markdown(
                f"**{t('report_title', lang)}** — "
                + t(
                    "report_summary",
                    lang,
                    ok=fmt_number(valid, lang),
                    bad=fmt_number(result.invalid, lang),
                    warn=fmt_number(result.warnings, lang),
                )
            )
            without = result.rows[result.rows["lat"].isna()]
            if len(without):
                at_kecamatan = int(without["kecamatan_code"].notna().sum())
                st.caption(
                    t(
                        "imp_placement",
                        lang,
                        kec=fmt_number(at_kecamatan, lang),
                        regency=fmt_number(len(without) - at_kecamatan, lang),
                    )
                )
            _report(result, name)
            # Additions or the complete list of the regions it names: asked before anything.
            list_kinds = {"tambahan": N_("imp_additions"), "lengkap": N_("imp_complete")}
            list_kind = st.radio(
                t("imp_list_kind", lang),
                list(list_kinds),
                format_func=lambda k: t(list_kinds[k], lang),
                key=f"list_kind_{nonce}",
                help=t("imp_list_kind_help", lang),
            )
            plan = data_io.once(
                (file_id, sheet.sheet, sheet.header_row, *mapping.items(), list_kind, ctx.version),
                lambda: data_io.plan_centres(
                    ctx.version, result.rows, mapping, list_kind == "lengkap", account
                ),
            )
            illustrative = int((plan.retired["data_status"] == "ilustratif").sum())
            st.markdown(
                f"**{t('plan_title', lang)}** — "
                + data_io.plan_text(plan.counts(), lang, illustrative)
            )
            if plan.complete_regions:
                names = boundary_names(code for code, _ in plan.complete_regions)
                st.caption(t("plan_complete_regions", lang, regions=names))
            if len(plan.refused):
                st.warning(
                    t(
                        "plan_refused_note",
                        lang,
                        n=fmt_number(len(plan.refused), lang),
                        regions=boundary_names(account.regions),
                    )
                )
            st.dataframe(data_io.plan_by_regency(plan, lang), hide_index=True, width="stretch")
            counted = [c for c, n in plan.counts().items() if n]
            for col, which in zip(st.columns(max(len(counted), 1)), counted, strict=False):
                col.download_button(
                    t("plan_download", lang, what=t(data_io.PLAN_COLUMNS[which], lang)),
                    data=functools.partial(data_io.plan_rows_csv, plan, which),
                    file_name=f"pratinjau-{which}-{name}.csv",
                    mime="text/csv",
                    on_click="ignore",
                    key=f"plan_{which}_{nonce}",
                )
            nothing = plan.changes_nothing and not plan.complete_regions
            if nothing:
                st.info(t("import_nothing_changed", lang, v=ctx.version))
            go, cancel = st.columns(2)
            if go.button(
                t("import_save", lang, text=data_io.plan_text(plan.counts(), lang)),
                disabled=valid == 0 or nothing,
                type="primary",
            ):
                try:
                    outcome = data_io.import_centres(
                        result.rows, mapping, name, data, list_kind == "lengkap", account
                    )
                except data_io.StoreError as exc:  # the transaction rolled back
                    st.error(t("import_failed", lang, error=exc.text(lang)[:300]))
                else:
                    done = data_io.plan_text(outcome.plan.counts(), lang)
                    _finish(
                        t("import_done", lang, v=outcome.version, text=done)
                        if outcome.stored
                        else t("import_nothing_changed", lang, v=outcome.version)
                    )
                    st.rerun()
        else:
            col_name, col_unit, col_source = st.columns([2, 1, 2])
            title = sheet.title.split(" · ")[0] if sheet.title else ""
            ind_name = col_name.text_input(
                t("ind_name", lang), value=title, key=f"ind_name_{nonce}"
            )
            unit = col_unit.text_input(
                t("ind_unit", lang), key=f"ind_unit_{nonce}", placeholder=t("ind_unit_hint", lang)
            )
            source = col_source.text_input(
                t("ind_source", lang),
                value=sheet.source_note,
                key=f"ind_source_{nonce}",
                placeholder=t("ind_source_hint", lang),
            )
            col_year, col_flag = st.columns([1, 3], vertical_alignment="bottom")
            year = 0
            if data_io.needs_year(sheet):  # no years in the headers and no year column
                year = col_year.number_input(
                    t("ind_year", lang),
                    1950,
                    2100,
                    2024,
                    key=f"ind_year_{nonce}",
                    help=t("ind_year_help", lang),
                )
            illustrative = col_flag.checkbox(t("ind_illustrative", lang), key=f"ind_ill_{nonce}")
            try:
                layout, result = data_io.once(
                    (file_id, sheet.sheet, sheet.header_row, "regional", int(year)),
                    lambda: data_io.check_regional(sheet, None, int(year) or None),
                )
            except data_io.ImportFileError as exc:
                _fail(exc)
            years = sorted({int(y) for y in result.values["year"]})
            regions = result.values["region_code"].nunique()
            st.markdown(
                f"**{t('report_title', lang)}** — "
                + t(
                    "ind_summary",
                    lang,
                    regions=fmt_number(regions, lang),
                    level=t(IND_LEVELS[result.level or "none"], lang),
                    years=", ".join(map(str, years)) or "–",
                    column=layout.region,
                    bad=fmt_number(result.invalid, lang),
                    empty=fmt_number(result.no_data_cells, lang),
                )
            )
            _report(result, name)
            outside = account.outside(result.values["region_code"])
            ready = bool(ind_name.strip() and source.strip() and len(result.values))
            if not source.strip():
                st.warning(t("ind_need_source", lang))
            if outside:  # a regional table is one indicator for every region it names
                ready = False
                st.error(
                    t(
                        "ind_outside_regions",
                        lang,
                        n=fmt_number(len(outside), lang),
                        regions=boundary_names(outside[:5]),
                    )
                )
            elif ind_name.strip() and data_io.indicator_owned_elsewhere(ind_name, account):
                ready = False  # replacing it would leave other offices' regions without data
                st.error(t("store_indicator_not_yours", lang, name=ind_name.strip()))
            go, cancel = st.columns(2)
            if go.button(
                t("ind_import", lang, n=fmt_number(len(result.values), lang)),
                disabled=not ready,
                type="primary",
            ):
                try:
                    version = data_io.import_indicator(
                        ind_name, unit, source, illustrative, result, name, account
                    )
                except data_io.StoreError as exc:
                    st.error(t("import_failed", lang, error=exc.text(lang)[:300]))
                else:
                    _finish(t("ind_done", lang, name=ind_name.strip(), v=version))
                    st.rerun()
        if cancel.button(t("import_cancel", lang)):
            _finish(t("import_cancelled", lang))
            st.rerun()

# -- versions -------------------------------------------------------------------------------
st.subheader(t("versions_title", lang))
try:
    versions_shown = data_io.versions_table(lang)
    older = [v for v in data_io.version_ids() if v != ctx.version]
except data_io.StoreError as exc:  # the store busy or failing: say so, keep the page
    st.error(exc.text(lang))
    versions_shown, older = None, []
if versions_shown is not None:
    height = widgets.table_height(len(versions_shown), 4)
    st.dataframe(versions_shown, hide_index=True, width="stretch", height=height)
if older and account is not None:
    col_pick, col_go = st.columns([1, 1], vertical_alignment="bottom")
    chosen = col_pick.selectbox(t("restore", lang), older)
    try:
        counts = data_io.once(
            ("restore", chosen, ctx.version, account.name),
            lambda: data_io.restore_plan(chosen, account),
        )
    except data_io.StoreError as exc:
        st.error(exc.text(lang))
    else:
        st.caption(
            t("restore_preview", lang, v=chosen, text=data_io.plan_text(counts, lang, restore=True))
        )
        if counts["outside"]:  # an editor restores only inside its own regions
            st.warning(
                t(
                    "store_restore_outside",
                    lang,
                    version=chosen,
                    n=fmt_number(counts["outside"], lang),
                )
            )
        elif col_go.button(t("restore", lang) + f" {chosen}"):
            try:
                new = data_io.restore(chosen, account)
            except data_io.StoreError as exc:  # the transaction rolled back
                st.error(t("restore_failed", lang, error=exc.text(lang)[:300]))
            else:
                st.session_state["import_message"] = t("restore_done", lang, old=chosen, v=new)
                st.rerun()

# -- where the figures come from ------------------------------------------------------------
st.subheader(t("cov_title", lang))
st.caption(t("cov_help", lang))
try:
    st.dataframe(
        data_io.coverage_table(ctx.version, lang), hide_index=True, width="stretch", height=280
    )
except data_io.StoreError as exc:
    st.error(exc.text(lang))

# -- imported regional indicators -------------------------------------------------------------
try:
    indicators = data_io.indicator_versions(lang)
except data_io.StoreError as exc:
    st.error(exc.text(lang))
    indicators = []
if len(indicators):
    st.subheader(t("ind_title", lang))
    height = widgets.table_height(len(indicators), 4)
    st.dataframe(indicators, hide_index=True, width="stretch", height=height)
    versions = indicators.iloc[:, 0].tolist()
    labels = dict(zip(versions, indicators.iloc[:, 2], strict=True))
    col_pick, col_get = st.columns([1, 1], vertical_alignment="bottom")
    picked = col_pick.selectbox(
        t("ind_download_pick", lang), versions, format_func=lambda v: f"{labels[v]} (v{v})"
    )
    col_get.download_button(
        t("download_csv", lang),
        data=functools.partial(data_io.indicator_csv, picked, ctx.ref.regions["name"]),
        file_name=f"indikator-v{picked}.csv",
        mime="text/csv",
        on_click="ignore",
        key="download_indicator",
    )
