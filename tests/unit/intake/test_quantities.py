"""Numbers people write: temperature (°C and °F), age, pain score, duration, weeks of pregnancy."""

from __future__ import annotations

import pytest

from lumbar.intake.quantities import (
    _AGE_PATTERNS,
    read_age,
    read_duration,
    read_pain_score,
    read_pregnancy_weeks,
    read_temperature,
    word_number,
)


def value(quantity: object) -> float | None:
    return None if quantity is None else quantity.value  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "celsius"),
    [
        ("temperature 38.5C", 38.5),
        ("38.5 °C", 38.5),
        ("fever of 39 degrees", 39.0),
        ("101.3F", 38.5),
        ("a fever of 102 F", 38.9),
        ("98.6 °F", 37.0),
        ("temp 102", 38.9),  # a bare number over 50 is Fahrenheit
        ("temperature of 37", 37.0),
        ("102.5 degrees and shaking", 39.2),
        ("Temp was 99.1F", 37.3),
        ("no temp.. well 38.2 earlier lol", 38.2),  # a correction after the word
        ("temperature - actually 38.5", 38.5),
        ("my temperature has been 37.9 to 38.1 on and off", 38.1),  # a range: the highest reading
        ("been drenchin the sheets n had 39.2 last nite", 39.2),  # a bare reading with one decimal
        ("I was 38.1 this afternoon", 38.1),
        ("he was 101.3 last night", 38.5),  # a bare Fahrenheit reading
        ("Lower back ache three days, temp thirty eight point two.", 38.2),  # in words
        ("back ache since thursday and now my temp's a hundred and one", 38.3),  # in words, Fahrenheit
        ("fever of a hundred and two point five last night", 39.2),
        ("a fever of thirty-nine since last night", 39.0),
    ],
)
def test_temperature(text: str, celsius: float) -> None:
    assert value(read_temperature(text)) == pytest.approx(celsius, abs=0.05)


@pytest.mark.parametrize(
    "text",
    [
        "it was 28 degrees outside",
        "ran in 40 degree heat",
        "45 C",
        "I'm 38",
        "lost 5 kg",
        "pain 8/10",
        "temp 120",
        "no fever. 38, female",  # the age after a sentence, not a correction
        "my bmi is 38.5",  # bare decimals that measure something else
        "I'm 37.5 weeks pregnant",
        "I weigh 40.5 kg",
        "sugar was 39.1 this morning",
        "it cost £38.50",
        "back on 12.05.2025",
        "38.5% of people",
        "no fever for forty years",
    ],
)
def test_not_a_body_temperature(text: str) -> None:
    assert read_temperature(text) is None


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("I'm 34 and pulled my back", 34),
        ("58-year-old man", 58),
        ("45 y/o male", 45),
        ("45M, back spasm", 45),
        ("Female, 24.", 24),
        ("aged 70", 70),
        ("My dad, 74, has back pain", 74),
        ("Grandma (77) slipped", 77),
        ("F, 62, back pain", 62),
        ("Sixty-eight year old woman", 68),
        ("I am thirty four", 34),
        ("Ex-smoker, high blood pressure, 71, and a throbbing tummy", 71),
        ("Back ache for a week. 45.", 45),
        ("I look after my wife, she's seventy nine and has memory trouble", 79),
        ("Sixty six and my back's been grumbling since the spring.", 66),
        ("Dug the garden all day. No pain in legs. 55 years, healthy.", 55),  # an age and a word on them
    ],
)
def test_age(text: str, age: int) -> None:
    assert value(read_age(text)) == age


@pytest.mark.parametrize(
    "text",
    [
        "I am 31 weeks pregnant",
        "lost 5 kg",
        "pain is 8/10",
        "I'm 6 foot",
        "back pain for 2 weeks, 10 days ago",
        "I am one of many",
        "Twenty minutes and the pain goes off",
        "she's twenty weeks pregnant",
        "type 2 diabetic 15 yrs, feet numb for years",  # how long the diabetes has lasted
    ],
)
def test_not_an_age(text: str) -> None:
    assert read_age(text) is None


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("8/10", 8),
        ("pain 7 out of 10", 7),
        ("pain 6", 6),
        ("pain score: 4", 4),
        ("Pain is a 10", 10),
        ("2.5/10", 2.5),
    ],
)
def test_pain_score(text: str, score: float) -> None:
    assert value(read_pain_score(text)) == score


@pytest.mark.parametrize("text", ["11/10", "pain for 3 days", "pain since 2019", "lost 10 kg"])
def test_not_a_pain_score(text: str) -> None:
    assert read_pain_score(text) is None


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("back pain for three weeks", 21),
        ("since yesterday", 1),
        ("it started an hour ago", 1 / 24),
        ("on and off for years", 730),
        ("started 2 days ago", 2),
        ("for the past 24 hours", 1),
        ("a couple of weeks of spasms", 14),
        ("backache for a fortnight", 14),
        ("since my back went last week", 7),
        ("back pain for 10 days and a headache for 2 days", 10),
        ("cramps for about eight weeks", 56),
    ],
)
def test_duration(text: str, days: float) -> None:
    assert value(read_duration(text)) == pytest.approx(days)


@pytest.mark.parametrize(
    "text",
    [
        "walked for 10 minutes",
        "I am 34 years old",
        "32 weeks pregnant",
        "I smoke twenty a day",
        "Had my prostate cancer treated three years ago",
        "I've had type 2 diabetes for ten years",
        "Morning stiffness lasting about two hours",
        "I have lost 4 kg in a month",
        "New mum here, 8 weeks after a straightforward delivery.",
        "My daughter had her baby three months ago (normal delivery)",
    ],
)
def test_not_the_duration_of_the_problem(text: str) -> None:
    assert read_duration(text) is None


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("31 weeks pregnant", 31),
        ("At 20 weeks pregnant", 20),
        ("I'm 36 weeks", 36),
        ("I'm pregnant, about 12 weeks", 12),
        ("38 weeks and my waters just went", 38),
        ("second trimester", 20),
        ("I'm 6 months pregnant", 26),
        ("30 weeks with my second. Is it OK that my back aches?", 30),
    ],
)
def test_pregnancy_weeks(text: str, weeks: int) -> None:
    assert value(read_pregnancy_weeks(text)) == weeks


@pytest.mark.parametrize(
    "text", ["pregnant, back pain for 3 weeks", "back pain for 3 weeks", "pregnant with back ache"]
)
def test_not_pregnancy_weeks(text: str) -> None:
    assert read_pregnancy_weeks(text) is None


def test_pregnancy_weeks_are_not_the_duration() -> None:
    assert read_duration("38 weeks and my waters just went") is None
    assert value(read_duration("I'm 30 weeks pregnant, back ache for 3 days")) == 3


def test_evidence_quotes_the_words() -> None:
    found = read_temperature("I've got a fever of 101.3F today")
    assert found is not None and found.evidence in "I've got a fever of 101.3F today"


def test_word_number() -> None:
    assert [word_number(w) for w in ("sixty-eight", "thirty four", "fifteen", "ninety")] == [68, 34, 15, 90]
    assert [word_number(w) for w in ("a hundred and one", "one hundred", "two hundred and five")] == [
        101,
        100,
        205,
    ]


@pytest.mark.parametrize(
    ("reader", "text", "expected", "words"),
    [
        (read_age, "I am 999 years old", 999, "I am 999 years old"),
        (read_age, "I am -5 years old", -5, "-5 years old"),
        (read_age, "aged 150, back pain", 150, "aged 150"),
        (read_age, "I'm 115 years old", 115, "I'm 115 years old"),
        (read_pregnancy_weeks, "-5 weeks pregnant", -5, "-5 weeks pregnant"),
        (read_pregnancy_weeks, "50 weeks pregnant", 50, "50 weeks pregnant"),
        (read_pregnancy_weeks, "0 weeks pregnant", 0, "0 weeks pregnant"),
        (read_temperature, "temperature of 50C", 50, "temperature of 50C"),
        (read_temperature, "temp 120 degrees", 48.9, "temp 120 degrees"),
        (read_temperature, "my temperature is 25 °C", 25, "25 °C"),
        (read_pain_score, "pain 12/10", 12, "12/10"),
        (read_pain_score, "I'd rate it 11/10", 11, "11/10"),
        (read_pain_score, "-3/10 pain", -3, "-3/10"),
        (read_pain_score, "pain is 15 out of 10", 15, "15 out of 10"),
    ],
)
def test_a_plainly_stated_number_is_read_as_written_even_when_it_cannot_be_right(
    reader: object, text: str, expected: float, words: str
) -> None:
    found = reader(text)  # type: ignore[operator]
    assert (found.value, found.evidence) == (pytest.approx(expected, abs=0.05), words)


@pytest.mark.parametrize(
    ("reader", "text"),
    [
        (read_age, "I live in a 300 year old cottage"),
        (read_age, "the house is 300 years old"),
        (read_temperature, "45 C"),
        (read_temperature, "fever 10 days"),
        (read_pain_score, "back pain since 12/10"),
        (read_pain_score, "on 12/10/2024 the pain started"),
    ],
)
def test_a_number_not_plainly_stated_is_not_read_out_of_its_window(reader: object, text: str) -> None:
    assert reader(text) is None  # type: ignore[operator]


def test_a_minus_sign_is_read_and_a_range_dash_is_not() -> None:
    assert value(read_pregnancy_weeks("I'm 30-35 weeks pregnant")) == 35
    assert value(read_pregnancy_weeks("pregnant, 30-35 weeks")) == 35
    assert value(read_pregnancy_weeks("pregnant, -5 weeks")) is None
    assert value(read_pain_score("pain 5-6/10")) == 6


def test_every_age_pattern_reads_a_number_in_digits() -> None:
    # read_age skips these patterns for a text without digits
    assert all(r"(\d" in p.pattern for p in _AGE_PATTERNS)


def test_since_an_age_is_not_the_age_and_a_birth_does_not_date_the_pain() -> None:
    """'Since I am 20 I have this … 44 years.': 44, and the pain's own span; a pain since the birth is dated."""
    text = "Since I am 20 I have this, one time per year. How long: 2 days. I am cook. 44 years."
    assert value(read_age(text)) == 44
    assert value(read_duration(text)) == 2
    assert value(read_duration("since the baby was born 3 weeks ago my back aches")) == 21


def test_an_age_opening_a_sentence_and_a_daughters_weeks_of_pregnancy() -> None:
    """'... into the car. 71, on blood pressure tablets': 71; 'my daughter is 34 weeks' with the baby's
    position said is her pregnancy, while 'my daughter is 8 weeks' stays a baby's age."""
    assert value(read_age("Lifting the mower into the car. 71, on blood pressure tablets, ex smoker.")) == 71
    said = "My daughter is 34 weeks. Backache this week, we put it down to the baby's position."
    assert value(read_pregnancy_weeks(said)) == 34
    assert read_pregnancy_weeks("my daughter is 8 weeks and my back aches from carrying the baby") is None
