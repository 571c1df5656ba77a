"""SigV4 against AWS's published example signatures (the IAM and the S3 GET-object examples)."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.documents.sigv4 import (
    EMPTY_SHA256,
    Credentials,
    authorization,
    canonical_request,
    signing_key,
)


def test_the_s3_get_object_example_signs_as_documented() -> None:
    # https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
    credentials = Credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    headers = {
        "Host": "examplebucket.s3.amazonaws.com",
        "Range": "bytes=0-9",
        "x-amz-content-sha256": EMPTY_SHA256,
        "x-amz-date": "20130524T000000Z",
    }

    header = authorization(
        credentials, method="GET", path="/test.txt", query={}, headers=headers,
        payload_sha256=EMPTY_SHA256, region="us-east-1", service="s3",
        at=datetime(2013, 5, 24, tzinfo=UTC),
    )  # fmt: skip

    assert header == (
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
        "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
        "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
    )


def test_the_iam_example_signs_as_documented() -> None:
    # https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html (2015 example)
    credentials = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    headers = {
        "Host": "iam.amazonaws.com",
        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
        "X-Amz-Date": "20150830T123600Z",
    }
    query = {"Version": "2010-05-08", "Action": "ListUsers"}

    request, _ = canonical_request("GET", "/", query, headers, EMPTY_SHA256)
    header = authorization(
        credentials, method="GET", path="/", query=query, headers=headers,
        payload_sha256=EMPTY_SHA256, region="us-east-1", service="iam",
        at=datetime(2015, 8, 30, 12, 36, tzinfo=UTC),
    )  # fmt: skip

    assert request.splitlines()[2] == "Action=ListUsers&Version=2010-05-08"
    assert signing_key(credentials.secret_access_key, "20150830", "us-east-1", "iam").hex() == (
        "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9"
    )
    assert header.endswith(
        "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
    )


def test_credentials_never_show_the_secret() -> None:
    assert "EXAMPLEKEY" not in repr(Credentials("AKID", "wJalrXUtnFEMIEXAMPLEKEY"))
