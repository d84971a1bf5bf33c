"""``npcproc verify`` and ``npcproc head``: the hash chain, its published heads and the office's signatures."""

from __future__ import annotations

import re
from pathlib import Path

import click

from npcproc.cli.options import Options, common_options, open_existing_store, pass_options, store_option
from npcproc.text import terminal_safe

__all__ = ["COMMANDS", "head", "run_verify", "verify"]


_HEAD = re.compile("[0-9a-f]{64}")


@click.command()
@common_options
@store_option
@click.option("--head", "head_only", is_flag=True, help="print only the head hash (after verifying)")
@click.option("--against", metavar="HASH", help="check that a previously published head is still in the chain")
@click.option("--trusted-key", "trusted_keys", metavar="PUB", multiple=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="an Ed25519 public key (PEM) whose signed heads vouch for the chain (repeatable)")  # fmt: skip
@pass_options
def verify(
    options: Options, store_url: str, head_only: bool, against: str | None, trusted_keys: tuple[Path, ...]
) -> None:
    """Walk a store's hash chain and report the first bad record (exit status 1).

    With --trusted-key, every signed head on the chain must verify with a trusted key and match the chain,
    and no record but a signature may follow the last signed head.
    """
    if head_only and against:
        raise click.UsageError("--head and --against exclude each other")
    if against is not None and not _HEAD.fullmatch(against):
        raise click.BadParameter(
            f"expected a head as npcproc prints it (64 hex digits: npcproc verify --head), got {against!r}",
            param_hint="--against",
        )
    raise SystemExit(run_verify(options, store_url, head_only=head_only, against=against, trusted_keys=trusted_keys))


def run_verify(
    options: Options, url: str, *, head_only: bool, against: str | None, trusted_keys: tuple[Path, ...] = ()
) -> int:
    """``npcproc verify``: exit 0 when the chain is intact, 1 at the first bad record."""
    from npcproc.store.base import verify_rows

    watcher = None
    if trusted_keys:
        from npcproc.store.signing import SignedHeads, load_public_key

        watcher = SignedHeads([load_public_key(path) for path in trusted_keys])
    store = open_existing_store(url)
    try:
        with store.snapshot() as snapshot:
            rows = options.progress(snapshot.rows, total=snapshot.head.position, en="verifying", zh="正在校验")
            result = verify_rows(rows if watcher is None else watcher.watch(rows), head=snapshot.head, against=against)
    finally:
        store.close()
    if not result:
        click.echo(terminal_safe(f"chain broken at position {result.bad_position}: {result.problem}"), err=True)
        return 1
    signed = ""
    if watcher is not None:
        check = watcher.check()
        if not check or check.last is None:
            click.echo(terminal_safe(f"not vouched for at position {check.bad_position}: {check.problem}"), err=True)
            return 1
        last = check.last
        signed = options.text(
            f"; signed through position {last.position} by key {last.key_id} at {last.signed_at}",
            f"；已签名至第{last.position}条（密钥{last.key_id}，{last.signed_at}）",
        )
    if head_only:
        click.echo(result.head)
    elif against:
        click.echo(options.text(f"ok: {result.checked} records, head {result.head}, contains {against}{signed}",
                                f"完整：{result.checked}条记录，链头{result.head}，包含{against}{signed}"))  # fmt: skip
    else:
        click.echo(options.text(f"ok: {result.checked} records, head {result.head}{signed}",
                                f"完整：{result.checked}条记录，链头{result.head}{signed}"))  # fmt: skip
    return 0


@click.command()
@common_options
@store_option
@click.option("--sign", "key_path", metavar="KEY", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="the office's Ed25519 private key (PEM, unencrypted)")  # fmt: skip
@pass_options
def head(options: Options, store_url: str, key_path: Path) -> None:
    """Verify the chain, sign its head with the office key and append the signed, timestamped head to it."""
    from npcproc.store.signing import load_private_key, sign_head

    key = load_private_key(key_path)
    store = open_existing_store(store_url, read_only=False)  # the signed head is appended
    try:
        signed = sign_head(store, key)
    finally:
        store.close()
    click.echo(options.text(
        f"signed head: position {signed.position}, hash {signed.hash}, at {signed.signed_at}, key {signed.key_id}",
        f"已签名链头：第{signed.position}条，哈希{signed.hash}，时间{signed.signed_at}，密钥{signed.key_id}",
    ))  # fmt: skip


COMMANDS = (verify, head)
