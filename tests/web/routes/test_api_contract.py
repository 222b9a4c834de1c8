"""The API's contract in the small: one error shape with a charset, 405 with Allow,
ETag/304 on reads, page links, and an OpenAPI document that lists every status and
role (Schemathesis checks the whole of it against a live server: tests/api)."""

import re

import pytest
from tests.web.conftest import event_id_matching

JSON = "application/json; charset=utf-8"


def error_of(response, status):
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == JSON
    body = response.json()
    assert set(body) <= {"error", "field", "error_id"} and body["error"]
    return body


def test_every_refusal_has_the_one_shape(browser):
    anonymous, viewer = browser(None), browser("viewer")
    assert error_of(anonymous.get("/api/events"), 401)["error"].startswith("sign in")
    assert error_of(viewer.get("/api/users"), 403)["error"] == "your role does not allow this"
    assert error_of(viewer.get("/api/events/999999"), 404)["error"] == "there is no event 999999"
    error_of(viewer.get("/api/events/99999999999999999999999"), 404)  # past 64 bits
    bad = error_of(viewer.get("/api/events?page=0"), 422)
    assert bad["field"] == "query.page" and bad["error"].startswith("page: ")
    error_of(viewer.get("/api/nothing-here"), 404)
    error_of(viewer.post("/api/events", content=b"x" * 3_000_000), 413)


def test_a_method_a_path_does_not_take_is_405_with_allow(browser):
    viewer = browser("viewer")
    refused = viewer.delete("/api/events/1")
    error_of(refused, 405)
    assert refused.headers["allow"] == "GET, PATCH"
    assert viewer.put("/api/users").headers["allow"] == "GET, POST"


@pytest.mark.parametrize(
    "path",
    ["/api/events?q=fentanyl", "/api/events/{id}", "/api/institutions",
     "/api/institutions/usmca", "/api/reports", "/api/reports/2023Q2", "/api/reports/2023Q2.md"],
)  # fmt: skip
def test_reads_answer_304_to_their_own_etag(browser, web_db, path):
    viewer = browser("viewer")
    url = path.format(id=event_id_matching(web_db, "Fentanyl"))
    first = viewer.get(url)
    tag = first.headers["etag"]
    again = viewer.get(url, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
    assert viewer.get(url, headers={"If-None-Match": '"stale"'}).status_code == 200


def test_an_edit_changes_the_etag(browser, web_db):
    editor = browser("editor")
    event_id = event_id_matching(web_db, "Fentanyl")
    tag = editor.get(f"/api/events/{event_id}").headers["etag"]
    csrf = {"X-CSRF-Token": editor.csrf()}
    assert editor.patch(f"/api/events/{event_id}", json={"summary": "New."},
                        headers=csrf).status_code == 200  # fmt: skip
    changed = editor.get(f"/api/events/{event_id}", headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["etag"] != tag


def test_pages_link_to_each_other(browser):
    viewer = browser("viewer")
    first = viewer.get("/api/events")
    links = first.json()["links"]
    assert links["prev"] is None and links["next"] is None  # 14 events: one page
    assert links["self"].endswith("/api/events?page=1")
    assert 'rel="first"' in first.headers["link"]
    beyond = viewer.get("/api/events?page=2").json()
    assert beyond["events"] == [] and beyond["links"]["prev"].endswith("page=1")


def test_openapi_lists_every_status_and_role(browser):
    schema = browser(None).get("/openapi.json").json()
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    assert set(schema["components"]["securitySchemes"]) == {"bearer", "session"}
    roles = {}
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            roles[f"{method.upper()} {path}"] = operation["x-role"]
            statuses = set(operation["responses"])
            assert {"413", "500"} <= statuses, path
            if operation["x-role"] != "anyone":
                assert "401" in statuses and operation["security"], path
            if "{" in path:
                assert "404" in statuses, path
            for status, answer in operation["responses"].items():
                if int(status) >= 400:
                    schema_ref = answer["content"]["application/json"]["schema"]["$ref"]
                    assert schema_ref.endswith("/ApiError"), (path, status)
    assert roles["GET /api/health"] == "anyone"
    assert roles["GET /api/events"] == "reader"
    assert roles["GET /api/reports"] == "viewer"
    assert roles["PATCH /api/events/{event_id}"] == "editor"
    assert roles["POST /api/users"] == "admin"
    update = schema["paths"]["/api/events/{event_id}"]["patch"]
    assert {"400", "401", "403", "404", "409", "422", "503"} <= set(update["responses"])
    assert "editor role" in update["description"]


def test_openapi_types_and_bounds_parameters(browser):
    schema = browser(None).get("/openapi.json").json()
    events = {p["name"]: p["schema"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert events["page"]["type"] == "integer" and events["page"]["minimum"] == 1
    assert events["month"]["anyOf"][0]["maximum"] == 12
    assert "2022-06..2022-10" in schema["paths"]["/api/events"]["get"]["parameters"][1][
        "description"]  # fmt: skip
    update = schema["components"]["schemas"]["EventUpdate"]["properties"]
    assert "trilateral-fentanyl-committee" in update["add_institutions"]["items"]["enum"]
    assert "security" in update["topics"]["anyOf"][0]["items"]["enum"]


def test_public_reads_make_credentials_optional(make_app):
    from fastapi.testclient import TestClient

    schema = TestClient(make_app(public_read=True)).get("/openapi.json").json()
    assert {} in schema["paths"]["/api/events"]["get"]["security"]
    assert {} not in schema["paths"]["/api/reports"]["get"]["security"]


def test_docs_show_every_status_and_role(browser):
    client = browser(None)
    schema = client.get("/openapi.json").json()
    page = client.get("/docs").text
    for status in ("200", "304", "400", "401", "403", "404", "405", "409", "413", "422", "500",
                   "503"):  # fmt: skip
        assert f"<dt><code>{status}</code></dt>" in page
    for role in ("anyone", "reader", "viewer", "editor", "admin"):
        assert f"<dt><code>{role}</code></dt>" in page
    answers = sum(len(op["responses"]) for item in schema["paths"].values() for op in item.values())
    lists = re.findall(r'<ul class="api-answers"[^>]*>(.*?)</ul>', page, re.S)
    assert sum(item.count("<li>") for item in lists) == answers  # every status of every operation
    assert page.count('Role: <a href="#roles-h">') == sum(len(i) for i in schema["paths"].values())
