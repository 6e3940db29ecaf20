"""Product and category pages, and product code pages."""

from __future__ import annotations

from tests.web.test_pages import page


def test_products_page(client):
    html = page(client, "/products?lang=en")
    assert 'href="/products/cvm"' in html


def test_product_page_groups_by_category(client):
    html = page(client, "/products/cvm?lang=ja")
    assert 'id="cat-InvalidParameterValue"' in html
    assert "/products/cvm/errors/InvalidParameterValue.InvalidImageId" in html


def test_product_alias_redirects(client):
    assert client.get("/products/as").headers["Location"].endswith("/products/autoscaling")


def test_product_code_page_shows_product_and_inherited_steps(client):
    html = page(client, "/products/cvm/errors/InvalidParameterValue.InvalidImageId?lang=en")
    assert 'href="/products/cvm"' in html
    assert "Guidance of the category InvalidParameterValue." in html


def test_ambiguous_code_asks_for_the_product(client):
    html = page(client, "/errors/ResourceNotFound.InstanceNotFound?lang=en")
    assert "Which product did the customer call?" in html


def test_untranslated_description_is_marked(client):
    html = page(client, "/products/aai/errors/FailedOperation.ServiceIsolate?lang=en")
    assert ("Not yet translated" in html) or ('lang="en"' in html)


def test_category_page(client):
    html = page(client, "/categories/OperationDenied?lang=en")
    assert "Guidance for the whole category" in html


def test_categories_index(client):
    html = page(client, "/categories?lang=ja")
    assert 'href="/categories/FailedOperation"' in html and 'href="/categories/OperationDenied"' in html


def test_large_category_is_paginated(client):
    first = page(client, "/categories/FailedOperation?lang=en")
    assert "page 1 of" in first and 'rel="next"' in first and 'rel="prev"' not in first
    assert first.count('class="row"') == 100
    last = page(client, "/categories/FailedOperation?lang=en&page=999")
    assert 'rel="prev"' in last and 'rel="next"' not in last
    assert page(client, "/categories/FailedOperation?page=abc").count('class="row"') == 100
