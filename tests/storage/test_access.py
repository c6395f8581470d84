"""configure_s3_access: one call sets how both the COG reader (GDAL) and the s3aio store reach S3.

Each test reads a COG and an s3aio array from a fresh bucket on a moto server, through a
recording proxy, so the requests themselves show the settings: signed or not, with whose key,
for which region, with the requester-pays header.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from typing import TYPE_CHECKING, Any

import boto3
import numpy as np
import pytest
import rasterio
import xarray as xr
from affine import Affine
from odc.geo.geobox import GeoBox
from odc.geo.xr import xr_coords

from terracube import Datacube
from terracube.api import eo3_document
from terracube.errors import ConfigError, LoadError
from terracube.index.memory import MemoryIndex
from terracube.storage.access import (
    S3Credentials,
    configure_s3_access,
    reset_s3_access,
    s3_access_options,
    with_s3_access,
)
from terracube.storage.geotiff import gdal_options
from terracube.storage.s3 import S3Config
from terracube.storage.testing import FaultProxy

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

GBOX = GeoBox((48, 40), Affine(20, 0, 400000, 0, -20, 6500000), "EPSG:32755")
PRODUCTS = [
    {"name": "cog", "description": "A COG band", "metadata_type": "eo3", "metadata": {"product": {"name": "cog"}},
     "measurements": [{"name": "red", "dtype": "uint16", "nodata": 0, "units": "1"}]},
    {"name": "aio", "description": "An s3aio band", "metadata_type": "eo3", "metadata": {"product": {"name": "aio"}},
     "measurements": [{"name": "nir", "dtype": "int16", "nodata": -1, "units": "1"}]},
]  # fmt: skip
_AWS_VARS = (
    "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
    "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_S3_ENDPOINT", "AWS_HTTPS", "AWS_VIRTUAL_HOSTING", "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_S3", "AWS_NO_SIGN_REQUEST", "AWS_REQUEST_PAYER", "TERRACUBE_S3_ENDPOINT",
    "TERRACUBE_S3_ACCESS_KEY_ID", "TERRACUBE_S3_SECRET_ACCESS_KEY", "TERRACUBE_S3_REGION",
)  # fmt: skip


@pytest.fixture(scope="module")
def moto() -> Iterator[str]:
    from terracube.storage.testing import moto_server

    with moto_server() as endpoint:
        yield endpoint


@pytest.fixture
def aws_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No AWS settings but those a test makes: empty ~/.aws files, no variables, no instance metadata."""
    for var in _AWS_VARS:
        monkeypatch.delenv(var, raising=False)
    home = tmp_path / "aws"
    home.mkdir()
    (home / "credentials").write_text("")
    (home / "config").write_text("")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(home / "credentials"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(home / "config"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    reset_s3_access()
    yield home
    reset_s3_access()


def _cog(data: np.ndarray) -> bytes:
    with rasterio.MemoryFile() as mem:
        with mem.open(
            driver="GTiff", width=GBOX.shape[1], height=GBOX.shape[0], count=1, dtype=data.dtype.name,
            crs=str(GBOX.crs), transform=GBOX.transform, tiled=True, blockxsize=16, blockysize=16, nodata=0,
        ) as f:  # fmt: skip
            f.write(data[None])
        return bytes(mem.read())


class Scene:
    """A bucket holding one COG (product ``cog``) and one s3aio unit (product ``aio``), indexed."""

    def __init__(self, moto: str, monkeypatch: pytest.MonkeyPatch) -> None:
        self.bucket = f"access-{uuid.uuid4().hex[:10]}"
        admin = boto3.client(
            "s3", endpoint_url=moto, region_name="us-east-1", aws_access_key_id="admin", aws_secret_access_key="admin"
        )  # fmt: skip
        admin.create_bucket(Bucket=self.bucket)
        # Public data, as unsigned requests need.
        policy = {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject", "s3:ListBucket"],
                           "Resource": [f"arn:aws:s3:::{self.bucket}", f"arn:aws:s3:::{self.bucket}/*"]}],
        }  # fmt: skip
        admin.put_bucket_policy(Bucket=self.bucket, Policy=json.dumps(policy))
        rng = np.random.default_rng(5)
        self.red = rng.integers(1, 60000, GBOX.shape).astype("uint16")
        self.nir = rng.integers(0, 9000, (1, *GBOX.shape)).astype("int16")
        admin.put_object(Bucket=self.bucket, Key="cog/red.tif", Body=_cog(self.red))
        self.index = MemoryIndex()
        self.index.init_db()
        for doc in PRODUCTS:
            self.index.products.add_document(doc)
        product = self.index.products.get_by_name("cog")
        doc = eo3_document(
            product, GBOX, dt.datetime(2022, 2, 2), {"red": {"path": "red.tif"}}, fmt="GeoTIFF"
        )
        self.index.datasets.add(
            self.index.datasets.from_doc(doc, uri=f"s3://{self.bucket}/cog/odc-metadata.yaml")
        )
        # The s3aio unit is written with the settings of the test's moto server and credentials.
        with monkeypatch.context() as env:
            env.setenv("AWS_ACCESS_KEY_ID", "admin")
            env.setenv("AWS_SECRET_ACCESS_KEY", "admin")
            data = xr.Dataset(
                {"nir": (("time", *GBOX.dimensions), self.nir)},
                coords={"time": np.array(["2022-02-02"], dtype="datetime64[ns]"), **xr_coords(GBOX)},
            )
            Datacube(index=self.index, storage_options={"s3_endpoint": moto}).write(
                data, "aio", driver="s3aio", location=f"s3://{self.bucket}/aio"
            )

    def check(self, dc: Datacube) -> None:
        """Both products load, pixel for pixel."""
        np.testing.assert_array_equal(dc.load("cog").red.values[0], self.red)
        np.testing.assert_array_equal(dc.load("aio").nir.values, self.nir)


@pytest.fixture
def scene(moto: str, aws_home: Path, monkeypatch: pytest.MonkeyPatch) -> Scene:
    return Scene(moto, monkeypatch)


@pytest.fixture
def proxy(moto: str) -> Iterator[FaultProxy]:
    with FaultProxy(moto) as p:
        yield p


def _data_requests(proxy: FaultProxy, scene: Scene) -> list[Any]:
    """The proxy's records of reads of the scene's COG and s3aio objects."""
    records = [r for r in proxy.records if r.method in ("GET", "HEAD") and scene.bucket in r.path]
    paths = {r.path for r in records}
    assert any("/cog/red.tif" in p for p in paths), paths
    assert any("/aio/" in p for p in paths), paths
    return records


def test_endpoint_and_environment_credentials(
    scene: Scene, proxy: FaultProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAFROMENV")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    creds = configure_s3_access(endpoint_url=proxy.endpoint + "/", region_name="eu-west-1")
    assert creds == S3Credentials("AKIAFROMENV", "secret", None, "env")
    assert "secret" not in repr(creds)
    assert s3_access_options() == {
        "s3_endpoint": proxy.endpoint, "s3_path_style": "true", "s3_region": "eu-west-1",
    }  # fmt: skip
    scene.check(Datacube(index=scene.index))
    for r in _data_requests(proxy, scene):
        auth = r.header("authorization") or ""
        assert "Credential=AKIAFROMENV/" in auth and "/eu-west-1/s3/" in auth, (r.path, auth)
        assert r.header("x-amz-request-payer") is None


def test_unsigned_sends_no_credentials(
    scene: Scene, proxy: FaultProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Credentials in the environment are not used.
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAFROMENV")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    assert configure_s3_access(aws_unsigned=True, endpoint_url=proxy.endpoint) is None
    scene.check(Datacube(index=scene.index))
    records = _data_requests(proxy, scene)
    assert all(r.header("authorization") is None for r in records), [r.path for r in records]
    assert all("X-Amz-Signature" not in r.query for r in records)


def test_requester_pays_header(scene: Scene, proxy: FaultProxy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAFROMENV")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    configure_s3_access(requester_pays=True, endpoint_url=proxy.endpoint)
    scene.check(Datacube(index=scene.index))
    records = _data_requests(proxy, scene)
    assert all(r.header("x-amz-request-payer") == "requester" for r in records)


def test_profile_credentials_and_region(scene: Scene, proxy: FaultProxy, aws_home: Path) -> None:
    (aws_home / "credentials").write_text(
        "[science]\naws_access_key_id = AKIASCIENCE\naws_secret_access_key = s3cret\n"
    )
    (aws_home / "config").write_text("[profile science]\nregion = ap-southeast-2\n")
    creds = configure_s3_access(profile="science", endpoint_url=proxy.endpoint)
    assert creds is not None and creds.access_key == "AKIASCIENCE" and creds.secret_key == "s3cret"
    assert s3_access_options()["s3_profile"] == "science"
    assert s3_access_options()["s3_region"] == "ap-southeast-2"
    scene.check(Datacube(index=scene.index))
    for r in _data_requests(proxy, scene):
        auth = r.header("authorization") or ""
        assert "Credential=AKIASCIENCE/" in auth and "/ap-southeast-2/s3/" in auth, (r.path, auth)


def test_default_profile_from_the_shared_files(scene: Scene, proxy: FaultProxy, aws_home: Path) -> None:
    (aws_home / "credentials").write_text(
        "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = x\n"
    )
    creds = configure_s3_access(endpoint_url=proxy.endpoint)
    assert creds is not None and creds.access_key == "AKIADEFAULT"
    assert creds.method == "shared-credentials-file"
    # The s3aio store is told to read the same profile (GDAL finds it by itself).
    assert s3_access_options()["s3_profile"] == "default"
    scene.check(Datacube(index=scene.index))
    assert all(
        "Credential=AKIADEFAULT/" in (r.header("authorization") or "") for r in _data_requests(proxy, scene)
    )


def test_gdal_style_endpoint_options(scene: Scene, proxy: FaultProxy) -> None:
    host = proxy.endpoint.removeprefix("http://")
    configure_s3_access(
        aws_unsigned=True, AWS_S3_ENDPOINT=host, AWS_HTTPS="NO", AWS_VIRTUAL_HOSTING="FALSE", GDAL_HTTP_MAX_RETRY="1"
    )  # fmt: skip
    options = s3_access_options()
    assert options["s3_endpoint"] == proxy.endpoint and options["s3_path_style"] == "true"
    assert options["gdal_GDAL_HTTP_MAX_RETRY"] == "1"
    scene.check(Datacube(index=scene.index))
    assert _data_requests(proxy, scene)


def test_the_datacubes_own_options_win(scene: Scene, proxy: FaultProxy) -> None:
    # Nothing listens on the discard port; the Datacube's endpoint is used instead.
    configure_s3_access(aws_unsigned=True, endpoint_url="http://127.0.0.1:9")
    scene.check(Datacube(index=scene.index, storage_options={"s3_endpoint": proxy.endpoint}))
    assert _data_requests(proxy, scene)
    with pytest.raises(LoadError):
        Datacube(index=scene.index).load("cog")


def test_lazy_loads_in_threads_use_the_settings(scene: Scene, proxy: FaultProxy) -> None:
    configure_s3_access(aws_unsigned=True, endpoint_url=proxy.endpoint)
    dc = Datacube(index=scene.index)
    lazy = dc.load("aio", dask_chunks={"x": 16, "y": 16})
    np.testing.assert_array_equal(lazy.nir.compute(scheduler="threads").values, scene.nir)


def test_options_reach_gdal_and_the_store() -> None:
    opts = {
        "s3_endpoint": "http://127.0.0.1:9000", "s3_unsigned": "true", "s3_requester_pays": "true",
        "s3_profile": "p", "s3_path_style": "false", "s3_cloud_defaults": "false", "gdal_GDAL_HTTP_MAX_RETRY": "7",
    }  # fmt: skip
    gdal = gdal_options("s3", opts)
    assert gdal["AWS_NO_SIGN_REQUEST"] == "YES" and gdal["AWS_REQUEST_PAYER"] == "requester"
    assert gdal["AWS_PROFILE"] == "p" and gdal["AWS_VIRTUAL_HOSTING"] == "TRUE"
    assert gdal["GDAL_HTTP_MAX_RETRY"] == "7" and "GDAL_DISABLE_READDIR_ON_OPEN" not in gdal
    assert "GDAL_DISABLE_READDIR_ON_OPEN" in gdal_options("https", {})
    assert with_s3_access({"a": "1"}) == {"a": "1"}


def test_s3config_unsigned_and_requester_pays_from_variables() -> None:
    env = {"AWS_NO_SIGN_REQUEST": "YES", "AWS_ACCESS_KEY_ID": "k", "AWS_SECRET_ACCESS_KEY": "s"}
    resolved = S3Config(endpoint="http://127.0.0.1:9000").resolve(env)
    assert resolved.unsigned is True and resolved.access_key_id is None and resolved.secret_access_key is None
    payer = S3Config(endpoint="http://127.0.0.1:9000").resolve({"AWS_REQUEST_PAYER": "requester"})
    assert payer.requester_pays is True
    assert S3Config(endpoint="http://127.0.0.1:9000").resolve({}).requester_pays is None


def test_errors(aws_home: Path) -> None:
    with pytest.raises(ConfigError, match=r"no AWS credentials found .*aws_unsigned=True"):
        configure_s3_access()
    assert s3_access_options() == {}
    with pytest.raises(ConfigError, match=r"does not take credentials \(AWS_SECRET_ACCESS_KEY\)"):
        configure_s3_access(aws_unsigned=True, AWS_SECRET_ACCESS_KEY="x")
    with pytest.raises(ConfigError, match=r"cannot read AWS credentials of profile 'nope'"):
        configure_s3_access(profile="nope")
    with pytest.raises(ConfigError, match=re.escape("an S3 endpoint is an http(s) URL")):
        configure_s3_access(aws_unsigned=True, endpoint_url="ftp://x")
    (aws_home / "config").write_text("[profile empty]\nregion = eu-west-1\n")
    with pytest.raises(ConfigError, match=r"AWS profile 'empty' gives no credentials"):
        S3Config(endpoint="http://127.0.0.1:9000", profile="empty").resolve({})


@pytest.mark.slow
def test_dask_cluster_workers_get_the_settings(scene: Scene, proxy: FaultProxy) -> None:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        configure_s3_access(aws_unsigned=True, endpoint_url=proxy.endpoint, client=client)
        on_workers = client.run(s3_access_options)
        assert list(on_workers.values()) == [s3_access_options()]
        lazy = Datacube(index=scene.index).load("cog", dask_chunks={"x": 20, "y": 24})
        np.testing.assert_array_equal(client.compute(lazy.red).result().values[0], scene.red)
