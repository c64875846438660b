"""Editors' accounts: password hashes (argon2id), signing in, and the command line.

    python -m loaders.accounts add NAME --peran editor --wilayah 33.26 [--kantor TEKS]
    python -m loaders.accounts list | disable NAME | passwd NAME

Passwords are read from standard input (asked twice on a terminal), never from the command
line (it ends up in the shell's history and the process list), never printed or logged.
"""

from __future__ import annotations

import argparse
import functools
import getpass
import sys
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from loaders.store import Store, StoreError, open_store
from sentra.accounts import (
    FAILURE_WINDOW,
    MIN_PASSWORD,
    ROLES,
    Account,
    valid_name,
)
from sentra.formatting import fmt_number
from sentra.i18n import N_, t

_HASHER = PasswordHasher()
_CHECKING = threading.BoundedSemaphore(2)
REGION_LEVELS = ("provinsi", "kabupaten_kota", "kecamatan")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


@functools.cache
def _dummy_hash() -> str:
    """Checked against when the name is unknown, so that a wrong name takes as long as a
    wrong password."""
    return _HASHER.hash("-" * MIN_PASSWORD)


@dataclass(frozen=True)
class SignIn:
    account: Account | None  # None: refused
    wait: timedelta = timedelta(0)  # > 0: refused unchecked, too many wrong passwords


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def sign_in(store: Store, name: str, password: str, now: datetime | None = None) -> SignIn:
    """Check a name and password. Unknown names, disabled accounts and wrong passwords are
    refused alike and count as failures of that name (``sentra.accounts.wait_before_next``):
    each attempt is recorded as one before its password is checked, and forgotten when the
    password is right. A name no account can have (``valid_name``) is refused at once,
    neither counted nor checked."""
    now = now or utc_now()
    name = name.strip().lower()[:40]
    if not valid_name(name):  # no account has it: nothing to count or check in the store
        return SignIn(None)
    wait = store.begin_sign_in(name, now)
    if wait > timedelta(0):
        return SignIn(None, wait)
    found = store.account_with_hash(name)
    with _CHECKING:  # argon2 takes 64 MiB and ~50 ms a check: a few at a time per process
        try:
            _HASHER.verify(found[1] if found else _dummy_hash(), password)
        except (VerificationError, InvalidHashError):
            found = None
    if found is None:
        return SignIn(None)
    if _HASHER.check_needs_rehash(found[1]):
        store.set_password_hash(name, hash_password(password))
    store.clear_sign_in_failures(name, now - FAILURE_WINDOW)
    return SignIn(found[0])


def region_code(code: str) -> str | None:
    """A province, regency or kecamatan code of the 2025 list, dotted (``3326`` → ``33.26``);
    None when there is no such region."""
    from loaders import wilayah_codes

    code = code.strip()
    if code.isdigit() and len(code) in (2, 4, 6):
        code = ".".join(code[i : i + 2] for i in range(0, len(code), 2))
    known = wilayah_codes.codes()
    levels = known.loc[known["code"] == code, "level"]
    return code if len(levels) and levels.iloc[0] in REGION_LEVELS else None


def read_password(lang: str) -> str:
    """The new password from standard input (asked twice on a terminal)."""
    if sys.stdin.isatty():
        first = getpass.getpass(t("acc_password_prompt", lang))
        if getpass.getpass(t("acc_password_again", lang)) != first:
            raise ValueError(t("acc_password_mismatch", lang))
        password = first
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < MIN_PASSWORD:
        raise ValueError(t("acc_password_short", lang, n=MIN_PASSWORD))
    return password


def _add(args: argparse.Namespace, store: Store) -> str:
    lang = args.lang
    regions = []
    for raw in args.wilayah:
        code = region_code(raw)
        if code is None:
            raise ValueError(t("acc_bad_region", lang, code=raw))
        regions.append(code)
    if args.peran == "editor" and not regions:
        raise ValueError(t("acc_editor_needs_region", lang))
    if args.peran == "admin" and regions:
        raise ValueError(t("acc_admin_no_region", lang))
    account = Account(args.name, args.peran, tuple(regions), args.kantor.strip())
    if not store.add_account(account, hash_password(read_password(lang))):
        raise ValueError(t("acc_exists", lang, name=args.name))
    return t("acc_added", lang, name=args.name, role=args.peran)


def _list(args: argparse.Namespace, store: Store) -> str:
    lang = args.lang
    accounts = store.accounts()
    if accounts.empty:
        return t("acc_none", lang)
    accounts["disabled"] = accounts["disabled"].map(
        {True: t("acc_yes", lang), False: t("acc_no", lang)}
    )
    accounts["created_at"] = accounts["created_at"].astype(str).str[:16]
    columns = {
        "name": N_("acc_col_name"),
        "role": N_("acc_col_role"),
        "regions": N_("acc_col_regions"),
        "office": N_("acc_col_office"),
        "disabled": N_("acc_col_disabled"),
        "created_at": N_("acc_col_created"),
    }
    table = accounts[list(columns)].rename(columns={k: t(v, lang) for k, v in columns.items()})
    total = t("acc_count", lang, count=len(table), n=fmt_number(len(table), lang))
    return table.to_string(index=False) + "\n" + total


def _disable(args: argparse.Namespace, store: Store) -> str:
    if not store.disable_account(args.name):
        raise ValueError(t("acc_unknown", args.lang, name=args.name))
    return t("acc_disabled", args.lang, name=args.name)


def _passwd(args: argparse.Namespace, store: Store) -> str:
    if not store.set_password_hash(args.name, hash_password(read_password(args.lang))):
        raise ValueError(t("acc_unknown", args.lang, name=args.name))
    return t("acc_password_set", args.lang, name=args.name)


def _account_name(lang: str):
    def check(name: str) -> str:
        if not valid_name(name):
            raise argparse.ArgumentTypeError(t("acc_bad_name", lang))
        return name

    return check


def main(argv: list[str] | None = None) -> int:
    language = argparse.ArgumentParser(add_help=False)
    language.add_argument("--lang", default="id", choices=["id", "en"])
    lang = language.parse_known_args(argv)[0].lang
    parser = argparse.ArgumentParser(
        description=t("cli_accounts_description", lang), parents=[language]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    name = _account_name(lang)
    add = commands.add_parser("add", help=t("cli_acc_add", lang))
    add.add_argument("name", type=name)
    add.add_argument("--peran", choices=ROLES, required=True, help=t("cli_acc_role", lang))
    add.add_argument("--wilayah", action="append", default=[], help=t("cli_acc_region", lang))
    add.add_argument("--kantor", default="", help=t("cli_acc_office", lang))
    commands.add_parser("list", help=t("cli_acc_list", lang))
    for command, help_key in (("disable", N_("cli_acc_disable")), ("passwd", N_("cli_acc_passwd"))):
        commands.add_parser(command, help=t(help_key, lang)).add_argument("name", type=name)
    args = parser.parse_args(argv)
    action = {"add": _add, "list": _list, "disable": _disable, "passwd": _passwd}
    try:
        print(action[args.command](args, open_store()))
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    except StoreError as exc:
        print(exc.text(lang), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
