"""The ingest page: paste an article, watch the job finish, open the new document."""

from __future__ import annotations

from .conftest import Tab

PASTED = (
    "Jaish al-Adl has fought the Islamic Revolutionary Guard Corps in Sistan since 2013, "
    "according to Iranian officials. Al-Shabaab fought the Islamic State in Puntland in 2016."
)


def test_pasted_article_is_ingested_and_opens(tab: Tab) -> None:
    response = tab.open("/ingest")
    assert response.status == 200
    assert tab.page.locator("h1").count() == 1
    tab.shot("ingest")

    form = tab.page.locator("#ingest-form")
    form.locator('input[name="title"]').fill("Pasted in the browser test")
    form.locator('input[name="date"]').fill("2021-02-03")
    form.locator('textarea[name="text"]').fill(PASTED)
    with tab.page.expect_navigation():
        form.locator('button[type="submit"]').click()

    # the page shows a progress bar and reloads itself when the job is over
    tab.page.wait_for_selector('#job[data-state="done"]', timeout=60_000)
    assert tab.page.locator("#ingest-progress").count() == 1
    report = tab.page.locator("#job-report")
    assert "1 added" in report.inner_text()
    tab.shot("ingest-done")

    with tab.page.expect_navigation():
        report.locator('a[href^="/documents/"]').first.click()
    assert "Pasted in the browser test" in tab.page.locator("body").inner_text()
    assert "Jaish al-Adl" in tab.page.locator("body").inner_text()
    assert tab.errors == []
