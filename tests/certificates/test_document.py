"""The signed code: canonical, strict, typable, and refusing every alteration."""

from __future__ import annotations

import dataclasses
import random
from datetime import date

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from trainer.certificates import document
from trainer.certificates.document import CertificateKind, CodeError, CodeProblem, Facts
from trainer.errors import CertificateError

FACTS = Facts(
    number="3F9A-2026-00017",
    name="Émilie Ndayizeye-Bigirimana",
    modules=("police-identification", "police-referral"),
    score=86.7,
    date=date(2026, 5, 4),
    issuer_key_id="3f9a1c2b4d5e6f70",
    kind=CertificateKind.PROGRAMME,
    subject=document.subject_digest(
        [("police", "police-identification"), ("police", "police-referral")],
        "Identification · Referral",
    ),
)
# A certificate issued before version 2 (module ids only, no title).
FACTS_V1 = Facts(
    number="3F9A-2025-00003",
    name="Émilie Ndayizeye-Bigirimana",
    modules=("police-identification",),
    score=75.0,
    date=date(2025, 12, 6),
    issuer_key_id="3f9a1c2b4d5e6f70",
    version=1,
)


def _signed(key: Ed25519PrivateKey, facts: Facts = FACTS) -> str:
    payload = document.encode_facts(facts)
    return document.encode_code(payload, key.sign(document.SIGNING_CONTEXT + payload))


def _accepts(key: Ed25519PrivateKey, text: str) -> bool:
    """What a verifier does: decode strictly, then check the signature."""
    try:
        signed = document.decode_code(text)
        key.public_key().verify(signed.signature, signed.message)
    except (CodeError, InvalidSignature):
        return False
    return True


def test_facts_round_trip_through_the_code() -> None:
    key = Ed25519PrivateKey.generate()
    code = _signed(key)
    signed = document.decode_code(code)
    assert signed.facts == FACTS
    assert set(code) <= set(document.ALPHABET)
    assert _accepts(key, code)


def test_typed_code_forgives_case_spaces_hyphens_and_look_alikes() -> None:
    key = Ed25519PrivateKey.generate()
    code = _signed(key)
    printed = document.printed_code(code)
    assert printed.startswith("TIP1-") and all(len(g) <= 5 for g in printed.split("-"))
    typed = " ".join(document.grouped(code.lower(), 4)).replace("0", "o").replace("1", "l")
    assert _accepts(key, "tip1 " + typed)
    assert _accepts(key, document.qr_text(code))


def test_a_thousand_random_mutations_are_all_refused() -> None:
    key = Ed25519PrivateKey.generate()
    code = _signed(key)
    payload = document.encode_facts(FACTS)
    signature = key.sign(document.SIGNING_CONTEXT + payload)
    rng = random.Random(20260504)
    refused = 0
    for i in range(1000):
        if i % 2 == 0:
            # the text: substitute, insert or delete one character, or swap two
            chars = list(code)
            pos = rng.randrange(len(chars))
            how = rng.choice(["substitute", "insert", "delete", "swap"])
            if how == "substitute":
                chars[pos] = rng.choice([c for c in document.ALPHABET if c != chars[pos]])
            elif how == "insert":
                chars.insert(pos, rng.choice(document.ALPHABET))
            elif how == "delete":
                del chars[pos]
            else:
                others = [j for j, c in enumerate(chars) if c != chars[pos]]
                other = rng.choice(others)
                chars[pos], chars[other] = chars[other], chars[pos]
            mutated = "".join(chars)
            assert document.normalise(mutated) != code
        else:
            # the bytes, with the checksum recomputed (a forger, not a typo)
            data = bytearray(payload + signature)
            pos = rng.randrange(len(data))
            data[pos] ^= 1 << rng.randrange(8)
            mutated = document.encode_code(bytes(data[: len(payload)]), bytes(data[len(payload) :]))
        if not _accepts(key, mutated):
            refused += 1
    assert refused == 1000
    assert _accepts(key, code)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda c: "", CodeProblem.NO_CODE),
        (lambda c: c[:-5], CodeProblem.MISTYPED),
        (lambda c: c + "U", CodeProblem.MISTYPED),
        (lambda c: c[:10] + "*" + c[11:], CodeProblem.MISTYPED),
    ],
)
def test_each_kind_of_bad_code_has_its_reason(change: object, expected: CodeProblem) -> None:
    code = _signed(Ed25519PrivateKey.generate())
    with pytest.raises(CodeError) as info:
        document.decode_code(change(code))  # type: ignore[operator]
    assert info.value.problem is expected


def test_a_non_canonical_payload_is_refused_even_when_signed() -> None:
    key = Ed25519PrivateKey.generate()
    payload = document.encode_facts(FACTS) + b"\x00"  # trailing byte
    code = document.encode_code(payload, key.sign(document.SIGNING_CONTEXT + payload))
    with pytest.raises(CodeError) as info:
        document.decode_code(code)
    assert info.value.problem is CodeProblem.MALFORMED
    future = bytearray(document.encode_facts(FACTS))
    future[0] = 3
    code = document.encode_code(bytes(future), key.sign(document.SIGNING_CONTEXT + future))
    with pytest.raises(CodeError, match="format 3"):
        document.decode_code(code)


def test_facts_that_cannot_be_certified() -> None:
    for bad in (
        Facts("", "A", ("m",), 50, date(2026, 1, 1), "00" * 8),
        Facts("N", "A", ("m,n",), 50, date(2026, 1, 1), "00" * 8),
        Facts("N", "A", ("m",), 101, date(2026, 1, 1), "00" * 8),
        Facts("N", "A", ("m",), 50, date(1999, 1, 1), "00" * 8),
        Facts("N", "A", ("m",), 50, date(2026, 1, 1), "zz"),
    ):
        with pytest.raises(CertificateError):
            document.encode_facts(bad)


def test_certificates_of_format_1_still_read_and_verify() -> None:
    key = Ed25519PrivateKey.generate()
    code = _signed(key, FACTS_V1)
    signed = document.decode_code(code)
    assert signed.facts == FACTS_V1 and signed.facts.version == 1
    assert _accepts(key, code)
    with pytest.raises(CertificateError):  # format 1 carries no module digest
        document.encode_facts(dataclasses.replace(FACTS_V1, subject=FACTS.subject))


def test_format_2_signs_a_digest_of_the_modules_banks_and_titles() -> None:
    key = Ed25519PrivateKey.generate()
    payload = document.encode_facts(FACTS)
    assert payload[0] == 2
    assert payload.endswith(bytes.fromhex(FACTS.subject))
    with pytest.raises(CertificateError):
        document.encode_facts(dataclasses.replace(FACTS, subject=""))
    pairs = [("police", "police-identification"), ("police", "police-referral")]
    same = document.subject_digest(pairs, "Identification · Referral")
    assert same == FACTS.subject
    # the same module ids in another bank, or under another title, are another subject
    other_bank = [("elsewhere", "police-identification"), ("police", "police-referral")]
    assert document.subject_digest(other_bank, "Identification · Referral") != same
    assert document.subject_digest(pairs, "Something else · Referral") != same
    assert document.decode_code(_signed(key, FACTS)).facts.subject == same


PAGE = (
    "TiP Trainer\nCertificate of Achievement\nThis is to certify that\nÉmilie Ndayizeye-\n"
    "Bigirimana\nof the National Police\nhas successfully completed the training programme\n"
    "Identification\nAudience track\nPolice officers\nScore\n86.7%\nDate\n4 May 2026\n"
    "Training hours\n3\nCertificate No.\n3F9A-2026-00017\nVerification code\nTIP1 0000"
)
PAGE_FR = (
    "TiP Trainer\nAttestation de fin de programme de formation\nIl est attesté que\n"
    "Émilie Ndayizeye-Bigirimana\na suivi avec succès le programme de formation\nX\n"
    "Public cible\nJuges\nNote obtenue\n86,7\u00a0%\nDate\n4 mai 2026\n"
    "Heures de formation\n3\nAttestation n°\n3F9A-2026-00017\nCode de vérification\nTIP1"
)


def test_page_text_must_state_the_signed_facts() -> None:
    page = PAGE
    assert document.page_matches(page, FACTS)
    assert document.page_matches(PAGE_FR, FACTS)
    assert not document.page_matches(page.replace("86.7", "96.7"), FACTS)
    assert not document.page_matches(page.replace("Émilie", "Emilie"), FACTS)
    assert not document.page_matches("Émilie Ndayizeye-Bigirimana 86.7% 4 May 2026", FACTS)


@pytest.mark.parametrize(
    ("printed", "forged"),
    [
        ("4 May 2026", "14 May 2026"),  # a digit added before the day
        ("4 May 2026", "4 May 20267"),
        ("86.7%", "186.7%"),
        ("3F9A-2026-00017", "3F9A-2026-000171"),
        ("Émilie Ndayizeye-", "Marie Émilie Ndayizeye-"),
        ("Bigirimana\nof", "Bigirimana Kaze\nof"),
    ],
)
def test_each_printed_field_must_equal_the_signed_one(printed: str, forged: str) -> None:
    assert printed in PAGE
    assert not document.page_matches(PAGE.replace(printed, forged, 1), FACTS)


def test_french_formats() -> None:
    assert document.format_date(date(2026, 5, 1), "fr") == "1er mai 2026"
    assert document.format_score(86.0, "fr") == "86\u00a0%"
    assert document.format_hours(1.5, "fr") == "1,5"
