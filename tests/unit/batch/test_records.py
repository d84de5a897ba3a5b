"""A partition's rows -> plain result records; a row the engine refuses is reported, not lost."""

from __future__ import annotations

from lumbar.assessor import default_engine
from lumbar.batch.records import NOT_ASSESSABLE, RESULT_COLUMNS, assess_rows
from lumbar.batch.rows import InboxRow


def test_a_record_has_the_level_what_to_do_the_reasons_causes_and_sources() -> None:
    engine = default_engine()
    text = "Back ache since Monday, maybe a bit numb down there, not sure."
    records, bad = assess_rows(engine, (InboxRow(3, "a", text, "2026-11-30"),))
    assert bad == []
    (record,) = records
    assessment = engine.assess(text)
    assert tuple(record) == RESULT_COLUMNS
    assert (record["row"], record["id"], record["level"]) == (3, "a", "emergency")
    assert record["action"] == engine.kb.levels[assessment.level].action
    assert record["reasons"] == [reason.text for reason in assessment.level_reasons]
    assert record["possible_warning_signs"] == ["saddle_numbness"]
    assert record["top_causes"] == [cause.id for cause in assessment.causes[:3]]
    # the sources of the reasons and causes: an inbox record carries no plan
    cited = {s for r in assessment.level_reasons for s in r.sources} | {
        s for c in assessment.causes for s in c.sources
    }
    assert set(record["sources"]) == cited < set(assessment.sources)


def test_a_text_the_engine_refuses_is_a_bad_row_with_the_engines_reason() -> None:
    rows = (
        InboxRow(1, "es", "me duele mucho la espalda desde ayer y no puedo dormir"),
        InboxRow(2, "en", "I pulled my back lifting a box."),
    )
    records, bad = assess_rows(default_engine(), rows)
    assert [r["id"] for r in records] == ["en"]
    assert [(b.number, b.id, b.kind) for b in bad] == [(1, "es", NOT_ASSESSABLE)]
    assert "English" in bad[0].reason
