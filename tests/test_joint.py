"""Names of one document resolved together."""

from geomap.joint import resolve_joint


def test_a_claims_file_naming_tabqa_and_raqqa_puts_karamah_and_sabkha_in_the_raqqa_countryside():
    rs = resolve_joint(["Tabqa", "Raqqa", "al-Karamah", "al-Sabkha"])
    for r in rs[2:]:
        assert r.status == "resolved" and r.place.admin1 == "Raqqa" and r.match == "context"
        assert r.context


def test_names_in_doubt_support_each_other():
    """Alone each is ambiguous (Raqqa and Deir ez-Zor have both); together the close pair wins."""
    rs = resolve_joint(["al-Karamah", "al-Sabkha"])
    assert rs[0].place.admin1 == rs[1].place.admin1 == "Raqqa"


def test_the_other_bank_stays_the_other_bank():
    rs = resolve_joint(["Mayadin", "Thiban", "Basira"])
    assert [r.place.pcode for r in rs] == ["SY090300", "SY090301", "SY090102"]


def test_a_name_is_not_its_own_evidence_and_order_is_kept():
    rs = resolve_joint(["Tabqa", "Mayadin", "Tabqa"])
    assert [r.query for r in rs] == ["Tabqa", "Mayadin", "Tabqa"]
    assert rs[0] is rs[2] and rs[0].match == "exact"
