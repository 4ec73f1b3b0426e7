import tomllib

from fairhire.paths import DATA_DIR
from fairhire.sample_texts import VACANCIES, VACANCY_REWRITTEN
from fairhire.wording import (
    check_wording,
    coded_stems,
    count_coded_words,
    find_coded_words,
    highlight_html,
    verdict,
    word_list,
    wording_table,
)


def test_word_list_file_documents_its_basis_and_is_well_formed():
    text = (DATA_DIR / "gender_coded_nl.toml").read_text(encoding="utf-8")
    header = text.split("[[", 1)[0]
    assert "Gaucher" in header and "gender-decoder" in header and "NOT a validated" in header
    data = tomllib.loads(text)
    for cat in ("masculine", "feminine"):
        assert len(data[cat]) >= 30
        for entry in data[cat]:
            assert entry["stem"] == entry["stem"].lower() and entry["basis"] and entry["examples"]
            # every example is caught by its own stem
            for ex in entry["examples"]:
                assert ex.split()[0].startswith(entry["stem"]), (entry["stem"], ex)


def test_no_stem_is_the_start_of_another():
    stems = [s for v in coded_stems().values() for s in v]
    assert len(stems) == len(set(stems))
    for a in stems:
        for b in stems:
            assert a == b or not b.startswith(a), (a, b)


def test_the_briefs_examples_are_in_the_list():
    stems = coded_stems()
    for word in ("stressbestendig", "leider", "daadkrachtig"):
        assert find_coded_words(word, stems["masculine"]) == [word]
    for word in ("zorgzaam", "samenwerken"):
        assert find_coded_words(word, stems["feminine"]) == [word]


def test_matching_is_by_start_of_word_and_ignores_case():
    stems = ["leid", "zorgza"]
    text = "Leiderschap, een teamleider, opleiding en een ZORGZAME collega; leidinggevend."
    assert find_coded_words(text, stems) == ["leiderschap", "zorgzame", "leidinggevend"]
    assert count_coded_words(text, stems) == 3
    assert count_coded_words("", stems) == 0


def test_a_word_counts_once_even_if_two_stems_fit():
    assert count_coded_words("zelfstandig", ["zelf", "zelfstandig"]) == 1


def test_verdict_thresholds():
    assert verdict(2, 2) == "neutraal"
    assert verdict(3, 1) == "licht mannelijk gecodeerd"
    assert verdict(4, 1) == "sterk mannelijk gecodeerd"
    assert verdict(0, 3) == "sterk vrouwelijk gecodeerd"


def test_sample_vacancies_are_coded_as_the_lesson_says():
    table = wording_table(VACANCIES | {"herschreven": VACANCY_REWRITTEN})
    assert table.loc["productiemedewerker", "verdict"] == "sterk mannelijk gecodeerd"
    assert table.loc["hr-adviseur", "verdict"] == "sterk vrouwelijk gecodeerd"
    assert table.loc["logistiek-planner", "verdict"] == "neutraal"
    assert table.loc["herschreven", "masculine"] < table.loc["productiemedewerker", "masculine"]
    report = check_wording(VACANCIES["productiemedewerker"])
    assert "concurrerend" in report.masculine  # the false positive the lesson points out
    assert "Oordeel" in str(report)


def test_word_list_table_and_highlight():
    table = word_list()
    assert set(table["category"]) == {"masculine", "feminine"}
    html = highlight_html("Een <b>daadkrachtige</b> en zorgzame collega")
    assert "&lt;b&gt;" in html  # the text is escaped
    assert "mannelijk gecodeerd'>daadkrachtige</mark>" in html
    assert "vrouwelijk gecodeerd'>zorgzame</mark>" in html
