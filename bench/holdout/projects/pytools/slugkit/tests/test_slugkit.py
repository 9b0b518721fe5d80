import pytest
from slugkit import slugify, truncate, unslug

ERROR_TITLES = [f"{kind} {n}: upload failed" for kind in ("Error", "Fatal error", "Failure", "Timeout error")
                for n in range(1, 41)]


@pytest.mark.parametrize("title", ERROR_TITLES)
def test_error_report_titles_slugify_to_their_words(title):
    assert slugify(title) == "-".join(title.lower().replace(":", "").split())


def test_unslug_capitalises_the_first_word():
    assert unslug("error-budget") == "Error budget"


@pytest.mark.parametrize("limit", [5, 8, 13])
def test_truncate_never_exceeds_the_limit(limit):
    assert len(truncate("failed-deploy-rollback-report", limit)) <= limit
